import { ApiError, CLIENT_ERROR_CODES } from '@/lib/api';
import type { MessageKey, Translate } from '@/lib/i18n';

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  /** A message about the whole form (wrong password, rate limit, network), or null. */
  form: string | null;
}

export interface ProblemMapping<F extends string> {
  /** The rule each field breaks when the server's validation names it (`body/<field>`). */
  fieldRules: Record<F, MessageKey>;
  /** Codes that belong to one field, e.g. USERNAME_TAKEN → username. */
  fieldCodes?: Partial<Record<string, { field: F; message: MessageKey }>>;
  /** Codes that describe the whole form, e.g. UNAUTHORIZED on login. */
  formCodes?: Partial<Record<string, MessageKey>>;
}

/** `body/email` → `email`; nested pointers name their top-level field. */
const fieldOf = (path: string) => path.split('/')[1] ?? '';

/**
 * Turns a failed request into messages next to the fields that caused it. Field messages
 * come from our catalogs rather than the server's validator text, so they are in the
 * user's language and describe the rule instead of a JSON-schema keyword.
 */
export function problemToFormErrors<F extends string>(error: unknown, t: Translate, mapping: ProblemMapping<F>): FormErrors<F> {
  const fields: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return { fields, form: t('error.generic', { code: 'UNKNOWN' }) };
  if (error.status === 429) {
    const seconds = error.retryAfterSeconds;
    return { fields, form: seconds === undefined ? t('auth.error.rateLimitedLater') : t('auth.error.rateLimited', { seconds }) };
  }
  if (error.code === CLIENT_ERROR_CODES.network) return { fields, form: t('error.network') };
  const byCode = mapping.fieldCodes?.[error.code];
  if (byCode) return { fields: { [byCode.field]: t(byCode.message) } as Partial<Record<F, string>>, form: null };
  const formKey = mapping.formCodes?.[error.code];
  if (formKey) return { fields, form: t(formKey) };
  for (const issue of error.problem?.errors ?? []) {
    const name = fieldOf(issue.path);
    if (name in mapping.fieldRules && !(name in fields)) fields[name as F] = t(mapping.fieldRules[name as F]);
  }
  if (Object.keys(fields).length > 0) return { fields, form: null };
  return { fields, form: t('error.generic', { code: error.code }) };
}
