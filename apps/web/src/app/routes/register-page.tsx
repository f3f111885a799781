import { Navigate, Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import { PasswordField } from '@/components/password-field';
import { emailRule, newPasswordRule, useForm, usernameRule } from '@/lib/forms';
import { useFormat, useT } from '@/lib/i18n';
import { useIsSignedIn } from '@/lib/session';
import { AuthCard, useRegister, useReturnPath } from '@/features/auth';

/** What every new account starts with (docs/DESIGN.md); the server's figure is on the user record. */
const STARTING_CASH = '100000';

export default function RegisterPage() {
  const t = useT();
  const format = useFormat();
  const signedIn = useIsSignedIn();
  const { path, state } = useReturnPath();
  const register = useRegister();
  const form = useForm(
    { username: '', email: '', password: '' },
    { username: usernameRule, email: emailRule, password: newPasswordRule },
    {
      fieldRules: { username: 'field.username.rule', email: 'field.email.rule', password: 'field.password.rule' },
      fieldCodes: {
        USERNAME_TAKEN: { field: 'username', message: 'auth.error.usernameTaken' },
        EMAIL_TAKEN: { field: 'email', message: 'auth.error.emailTaken' },
      },
    },
  );

  if (signedIn) return <Navigate to={path} replace />;

  const submit = () => {
    if (!form.validate()) return;
    const { username, email, password } = form.values;
    register.mutate({ username, email: email.trim(), password }, { onError: form.fail });
  };

  return (
    <AuthCard
      title={t('auth.register.title')}
      subtitle={t('auth.register.subtitle', { amount: format.money(STARTING_CASH) })}
      formError={form.formError}
      submitLabel={t('auth.register.submit')}
      pending={register.isPending}
      onSubmit={submit}
      footer={
        <>
          {t('auth.register.haveAccount')}{' '}
          <Link component={RouterLink} to="/login" state={state}>
            {t('auth.register.toLogin')}
          </Link>
        </>
      }
    >
      <TextField label={t('auth.username')} autoComplete="username" autoFocus required {...form.field('username')} />
      <TextField label={t('auth.email')} type="email" autoComplete="email" required {...form.field('email')} />
      <PasswordField label={t('auth.password')} autoComplete="new-password" required {...form.field('password')} />
    </AuthCard>
  );
}
