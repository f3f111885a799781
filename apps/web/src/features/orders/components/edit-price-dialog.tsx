import { useId, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { Order, ReplaceOrderResponse } from '@cryptosim/contracts';
import { orderProblemText } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { useReplaceOrder } from '../api/order-actions';

const DECIMAL = /^\d+(\.\d+)?$/;

/**
 * A new limit price for an open order, sent as one cancel-replace: a refused price (tick size,
 * funds) is shown here and the order stays as it was.
 */
export function EditPriceDialog({ order, onClose, onReplaced }: { order: Order; onClose: () => void; onReplaced: (reply: ReplaceOrderResponse) => void }) {
  const t = useT();
  const titleId = useId();
  const bodyId = useId();
  const [price, setPrice] = useState(order.price ?? '');
  const replace = useReplaceOrder();
  const valid = DECIMAL.test(price.trim()) && Number(price) > 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    replace.mutate({ id: order.id, change: { price: price.trim() } }, { onSuccess: onReplaced });
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} aria-describedby={bodyId} fullWidth maxWidth="xs">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{t('ordersPage.edit.title', { id: order.id })}</DialogTitle>
        <DialogContent>
          <DialogContentText id={bodyId} sx={{ mb: 2 }}>{t('ordersPage.edit.body')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label={t('ordersPage.edit.price')}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
            slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
            error={price !== '' && !valid}
          />
          {replace.error ? <Alert severity="error" sx={{ mt: 2 }}>{orderProblemText(replace.error, t)}</Alert> : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={!valid || replace.isPending}>{t('ordersPage.edit.save')}</Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
