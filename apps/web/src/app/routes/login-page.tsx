import { Navigate, Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import TextField from '@mui/material/TextField';
import { PasswordField } from '@/components/password-field';
import { required, useForm } from '@/lib/forms';
import { useT } from '@/lib/i18n';
import { useIsSignedIn } from '@/lib/session';
import { AuthCard, useLogIn, useReturnPath } from '@/features/auth';

export default function LoginPage() {
  const t = useT();
  const signedIn = useIsSignedIn();
  const { path, state } = useReturnPath();
  const logIn = useLogIn();
  const form = useForm(
    { username: '', password: '' },
    { username: required, password: required },
    {
      fieldRules: { username: 'field.required', password: 'field.required' },
      // One message for both: saying which part was wrong would confirm that a username exists.
      formCodes: { UNAUTHORIZED: 'auth.error.invalidCredentials' },
    },
  );

  // Also the way out after a successful login: the session changes and this re-renders.
  if (signedIn) return <Navigate to={path} replace />;

  const submit = () => {
    if (!form.validate()) return;
    logIn.mutate({ username: form.values.username.trim(), password: form.values.password }, { onError: form.fail });
  };

  return (
    <AuthCard
      title={t('auth.login.title')}
      notice={state?.from ? t('auth.login.required') : null}
      formError={form.formError}
      submitLabel={t('auth.login.submit')}
      pending={logIn.isPending}
      onSubmit={submit}
      footer={
        <>
          {t('auth.login.noAccount')}{' '}
          <Link component={RouterLink} to="/register" state={state}>
            {t('auth.login.toRegister')}
          </Link>
        </>
      }
    >
      <TextField label={t('auth.usernameOrEmail')} autoComplete="username" autoFocus required {...form.field('username')} />
      <PasswordField label={t('auth.password')} autoComplete="current-password" required {...form.field('password')} />
    </AuthCard>
  );
}
