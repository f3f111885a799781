import type { MessageKey } from '@/lib/i18n';

/**
 * The account rules of packages/contracts/src/auth.ts, checked before sending so the user
 * hears about a short password at once; the server checks again and has the last word.
 */
const USERNAME = /^[A-Za-z0-9_]{3,50}$/;
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export type FieldCheck = (value: string) => MessageKey | null;

export const required: FieldCheck = (value) => (value.trim() === '' ? 'field.required' : null);

export const usernameRule: FieldCheck = (value) => required(value) ?? (USERNAME.test(value) ? null : 'field.username.rule');

export const emailRule: FieldCheck = (value) =>
  required(value) ?? (value.trim().length <= 100 && EMAIL.test(value.trim()) ? null : 'field.email.rule');

export const newPasswordRule: FieldCheck = (value) =>
  value === '' ? 'field.required' : value.length >= 8 && value.length <= 128 ? null : 'field.password.rule';

/** Runs each field's check; the result has an entry only for fields that fail. */
export function checkFields<F extends string>(values: Record<F, string>, checks: Partial<Record<F, FieldCheck>>): Partial<Record<F, MessageKey>> {
  const failed: Partial<Record<F, MessageKey>> = {};
  for (const field of Object.keys(checks) as F[]) {
    const message = checks[field]?.(values[field]);
    if (message) failed[field] = message;
  }
  return failed;
}
