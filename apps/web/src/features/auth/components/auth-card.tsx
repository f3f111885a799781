import type { FormEvent, ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useT } from '@/lib/i18n';

interface AuthCardProps {
  title: string;
  subtitle?: string;
  notice?: string | null;
  formError: string | null;
  submitLabel: string;
  pending: boolean;
  onSubmit: () => void;
  footer: ReactNode;
  children: ReactNode;
}

/** The frame shared by the login and registration forms. */
export function AuthCard({ title, subtitle, notice, formError, submitLabel, pending, onSubmit, footer, children }: AuthCardProps) {
  const t = useT();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Paper variant="outlined" sx={{ maxWidth: 420, mx: 'auto', p: { xs: 2, sm: 4 } }}>
      <Stack component="form" noValidate spacing={2} onSubmit={submit} aria-labelledby="auth-title">
        <div>
          <Typography id="auth-title" variant="h5" component="h1">
            {title}
          </Typography>
          {subtitle ? <Typography color="text.secondary">{subtitle}</Typography> : null}
        </div>
        {notice ? <Alert severity="info">{notice}</Alert> : null}
        {formError ? (
          <Alert severity="error" role="alert">
            {formError}
          </Alert>
        ) : null}
        {children}
        <Button type="submit" variant="contained" size="large" disabled={pending}>
          {pending ? t('auth.submitting') : submitLabel}
        </Button>
        <Typography variant="body2" color="text.secondary">
          {footer}
        </Typography>
      </Stack>
    </Paper>
  );
}
