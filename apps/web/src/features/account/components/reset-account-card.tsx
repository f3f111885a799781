import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { ApiError } from '@/lib/api';
import { useFormat, useT } from '@/lib/i18n';
import { useSession } from '@/lib/session';
import { useResetAccount } from '../api/account-mutations';
import { SettingsCard } from './settings-card';

/** Reset goes through a confirmation dialog whose safe choice (Cancel) has the focus. */
export function ResetAccountCard() {
  const t = useT();
  const format = useFormat();
  const { user } = useSession();
  const reset = useResetAccount();
  const [open, setOpen] = useState(false);
  const amount = format.money(user?.initialBalance ?? '100000');

  const confirm = () => {
    reset.mutate(undefined, { onSettled: () => setOpen(false) });
  };
  const failure = reset.error
    ? reset.error instanceof ApiError
      ? t('error.generic', { code: reset.error.code })
      : t('error.generic', { code: 'UNKNOWN' })
    : null;

  return (
    <SettingsCard id="settings-reset" title={t('settings.reset.title')}>
      <Typography variant="body2">{t('settings.reset.description', { amount })}</Typography>
      {reset.isSuccess ? <Alert severity="success">{t('settings.reset.done', { amount })}</Alert> : null}
      {failure ? <Alert severity="error">{failure}</Alert> : null}
      <div>
        <Button color="error" variant="outlined" onClick={() => setOpen(true)}>
          {t('settings.reset.button')}
        </Button>
      </div>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="reset-dialog-title" aria-describedby="reset-dialog-body">
        <DialogTitle id="reset-dialog-title">{t('settings.reset.confirmTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText id="reset-dialog-body">{t('settings.reset.confirmBody', { amount })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button autoFocus onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={confirm} disabled={reset.isPending}>
            {t('settings.reset.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </SettingsCard>
  );
}
