import { useId } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useT } from '@/lib/i18n';

/** Asks before every open order goes; "Keep orders" has the focus, so Enter alone cancels nothing. */
export function CancelAllDialog({ open, count, pending, onKeep, onConfirm }: { open: boolean; count: number; pending: boolean; onKeep: () => void; onConfirm: () => void }) {
  const t = useT();
  const titleId = useId();
  const bodyId = useId();
  return (
    <Dialog open={open} onClose={onKeep} aria-labelledby={titleId} aria-describedby={bodyId} fullWidth maxWidth="xs">
      <DialogTitle id={titleId}>{t('ordersPage.cancelAll.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id={bodyId}>{t('ordersPage.cancelAll.body', { count })}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button autoFocus onClick={onKeep}>{t('ordersPage.cancelAll.keep')}</Button>
        <Button variant="contained" color="error" onClick={onConfirm} disabled={pending}>{t('ordersPage.cancelAll.confirm')}</Button>
      </DialogActions>
    </Dialog>
  );
}
