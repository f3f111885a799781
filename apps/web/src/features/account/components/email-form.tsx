import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { emailRule, useForm } from '@/lib/forms';
import { useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useUpdateEmail } from '../api/account-mutations';
import { SettingsCard } from './settings-card';

export function EmailForm() {
  const t = useT();
  const { user } = useSession();
  const update = useUpdateEmail();
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const form = useForm({ email: '' }, { email: emailRule }, {
    fieldRules: { email: 'field.email.rule' },
    fieldCodes: { EMAIL_TAKEN: { field: 'email', message: 'auth.error.emailTaken' } },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChangedTo(null);
    const email = form.values.email.trim();
    const same = user && email.toLowerCase() === user.email.toLowerCase();
    if (!form.validate(same ? { email: 'settings.email.same' } : {})) return;
    update.mutate({ email }, {
      onSuccess: (updated) => {
        setChangedTo(updated.email);
        form.reset();
      },
      onError: form.fail,
    });
  };

  return (
    <SettingsCard id="settings-email" title={t('settings.email.title')}>
      <Stack component="form" noValidate spacing={2} onSubmit={submit}>
        {changedTo ? <Alert severity="success">{t('settings.email.done', { email: changedTo })}</Alert> : null}
        {form.formError ? <Alert severity="error">{form.formError}</Alert> : null}
        <TextField
          label={t('settings.email.new')}
          type="email"
          autoComplete="email"
          placeholder={user?.email}
          required
          {...form.field('email')}
        />
        <div>
          <Button type="submit" variant="outlined" disabled={update.isPending}>
            {t('settings.email.submit')}
          </Button>
        </div>
      </Stack>
    </SettingsCard>
  );
}
