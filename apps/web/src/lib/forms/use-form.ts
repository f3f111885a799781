import { useState, type ChangeEvent } from 'react';
import { useT, type MessageKey } from '@/lib/i18n';
import { checkFields, type FieldCheck } from './field-rules';
import { problemToFormErrors, type FormErrors, type ProblemMapping } from './problem-to-form-errors';

/**
 * Values, client checks and server errors of one small form. Errors are kept as keys and the
 * failed request itself, and translated at render time, so switching language mid-form
 * re-translates the messages already on screen.
 */
export function useForm<F extends string>(
  initial: Record<F, string>,
  checks: Partial<Record<NoInfer<F>, FieldCheck>>,
  mapping: ProblemMapping<NoInfer<F>>,
) {
  const t = useT();
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Partial<Record<F, MessageKey>>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  /** Fields edited since the server error: their stale server message is hidden. */
  const [edited, setEdited] = useState<ReadonlySet<F>>(new Set());

  const server: FormErrors<F> = serverError ? problemToFormErrors(serverError, t, mapping) : { fields: {}, form: null };
  const fieldError = (field: F): string | undefined => {
    const key = clientErrors[field];
    if (key) return t(key);
    return edited.has(field) ? undefined : server.fields[field];
  };

  return {
    values,
    formError: server.form,
    fieldError,
    /** Props for a TextField: value, change handler, error flag and message. */
    field: (field: F) => ({
      name: field,
      value: values[field],
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        setValues((v) => ({ ...v, [field]: event.target.value }));
        setClientErrors((errors) => ({ ...errors, [field]: undefined }));
        setEdited((set) => new Set(set).add(field));
      },
      error: fieldError(field) !== undefined,
      helperText: fieldError(field),
    }),
    /** Runs the client checks; true when the form may be sent. */
    validate: (extra: Partial<Record<F, MessageKey>> = {}) => {
      const failed = { ...checkFields(values, checks), ...extra };
      setClientErrors(failed);
      setServerError(null);
      setEdited(new Set());
      return Object.keys(failed).length === 0;
    },
    fail: (error: unknown) => {
      setServerError(error);
      setEdited(new Set());
    },
    reset: () => {
      setValues(initial);
      setClientErrors({});
      setServerError(null);
      setEdited(new Set());
    },
  };
}
