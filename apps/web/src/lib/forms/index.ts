export { problemToFormErrors, type FormErrors, type ProblemMapping } from './problem-to-form-errors';
export { checkFields, emailRule, newPasswordRule, required, usernameRule, type FieldCheck } from './field-rules';
export { useForm } from './use-form';
