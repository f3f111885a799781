import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { OrderSide, OrderType, SymbolInfo } from '@cryptosim/contracts';
import { useT } from '@/lib/i18n';
import type { OrderPreview } from '../rules/check-order';
import { TicketPreview } from './ticket-preview';

export interface ConfirmOrderDialogProps {
  open: boolean;
  side: OrderSide;
  type: OrderType;
  symbol: string;
  asset: string;
  feeRate: string;
  rules: SymbolInfo;
  preview: OrderPreview | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Last look before the order goes out; Cancel has the focus, so Enter alone sends nothing. */
export function ConfirmOrderDialog(props: ConfirmOrderDialogProps) {
  const t = useT();
  const { open, side, type, symbol, asset, feeRate, rules, preview, pending, onCancel, onConfirm } = props;
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="confirm-order-title" aria-describedby="confirm-order-body" fullWidth maxWidth="xs">
      <DialogTitle id="confirm-order-title">{t('ticket.confirm.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText id="confirm-order-body" sx={{ mb: 2 }}>
          {t('ticket.confirm.body', { side: t(`side.${side}`), type: t(`orderType.${type}`), symbol })}
        </DialogContentText>
        <TicketPreview preview={preview} side={side} type={type} asset={asset} feeRate={feeRate} rules={rules} />
      </DialogContent>
      <DialogActions>
        <Button autoFocus onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button variant="contained" color={side === 'BUY' ? 'up' : 'down'} onClick={onConfirm} disabled={pending}>
          {t(side === 'BUY' ? 'ticket.confirm.buy' : 'ticket.confirm.sell')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
