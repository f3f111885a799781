import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { PasswordField } from '@/components/password-field';
import { newPasswordRule, required, useForm } from '@/lib/forms';
import { useT } from '@/lib/i18n';
import { useChangePassword } from '../api/account-mutations';
import { SettingsCard } from './settings-card';

export function PasswordForm() {
  const t = useT();
  const change = useChangePassword();
  const [done, setDone] = useState(false);
  const form = useForm(
    { currentPassword: '', newPassword: '', repeat: '' },
    { currentPassword: required, newPassword: newPasswordRule, repeat: required },
    {
      fieldRules: { currentPassword: 'field.required', newPassword: 'field.password.rule', repeat: 'field.required' },
      // 403, not 401: the session is fine, only the password typed is wrong.
      fieldCodes: { FORBIDDEN: { field: 'currentPassword', message: 'settings.password.wrongCurrent' } },
    },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const { currentPassword, newPassword, repeat } = form.values;
    const mismatch = repeat !== '' && repeat !== newPassword;
    if (!form.validate(mismatch ? { repeat: 'settings.password.mismatch' } : {})) return;
    change.mutate({ currentPassword, newPassword }, {
      onSuccess: () => {
        setDone(true);
        form.reset();
      },
      onError: form.fail,
    });
  };

  return (
    <SettingsCard id="settings-password" title={t('settings.password.title')}>
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        {done ? <Alert severity="success">{t('settings.password.done')}</Alert> : null}
        {form.formError ? <Alert severity="error">{form.formError}</Alert> : null}
        <PasswordField label={t('settings.password.current')} autoComplete="current-password" required {...form.field('currentPassword')} />
        <PasswordField label={t('settings.password.new')} autoComplete="new-password" required {...form.field('newPassword')} />
        <PasswordField label={t('settings.password.repeat')} autoComplete="new-password" required {...form.field('repeat')} />
        <div>
          <Button type="submit" variant="outlined" disabled={change.isPending}>
            {t('settings.password.submit')}
          </Button>
        </div>
      </Stack>
    </SettingsCard>
  );
}
