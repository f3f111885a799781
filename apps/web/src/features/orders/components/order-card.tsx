import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Order } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';

const num = { fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' } as const;

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography component="dt" variant="caption" color="text.secondary">{label}</Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, ...num }}>{children}</Typography>
    </Box>
  );
}

const STATUS_COLOUR: Record<Order['status'], 'default' | 'info' | 'success' | 'warning' | 'error'> = {
  NEW: 'info',
  PARTIALLY_FILLED: 'info',
  FILLED: 'success',
  CANCELED: 'default',
  REJECTED: 'error',
  EXPIRED: 'warning',
};

/**
 * One order as a card: a list item that wraps its figures into as many columns as fit, so
 * a phone never scrolls sideways and a wide screen reads it as a row.
 */
export function OrderCard({ order, actions }: { order: Order; actions?: ReactNode }) {
  const t = useT();
  const format = useFormat();
  const rules = useSymbolRules()(order.symbol);
  const price = order.price ? format.price(order.price, rules?.tickSize) : t('ordersPage.market');
  return (
    <Box component="li" sx={{ listStyle: 'none', border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, minWidth: 0 }}>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography component="h3" variant="subtitle2" sx={{ color: order.side === 'BUY' ? 'up.main' : 'down.main', flexGrow: 1 }}>
          {t('ordersPage.orderTitle', { side: t(`side.${order.side}`), symbol: order.symbol, type: t(`orderType.${order.type}`) })}
        </Typography>
        <Chip size="small" variant="outlined" color={STATUS_COLOUR[order.status]} label={t(`orderStatus.${order.status}`)} />
      </Stack>
      <Box component="dl" sx={{ m: 0, display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))' }}>
        <Figure label={t('ordersPage.price')}>{price}</Figure>
        {order.stopPrice ? <Figure label={t('ordersPage.trigger')}>{format.price(order.stopPrice, rules?.tickSize)}</Figure> : null}
        <Figure label={t('ordersPage.quantity')}>{order.quantity ? format.quantity(order.quantity, rules?.stepSize) : '—'}</Figure>
        <Figure label={t('ordersPage.filled')}>{format.quantity(order.filledQuantity, rules?.stepSize)}</Figure>
        {order.avgFillPrice ? <Figure label={t('ordersPage.avgPrice')}>{format.price(order.avgFillPrice, rules?.tickSize)}</Figure> : null}
        <Figure label={t('ordersPage.placedAt')}>{format.dateTime(Date.parse(order.createdAt))}</Figure>
      </Box>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
          {t('ordersPage.orderId', { id: order.id })}
          {order.replaces ? ` · ${t('ordersPage.replaces', { id: order.replaces })}` : ''}
          {order.replacedBy ? ` · ${t('ordersPage.replacedBy', { id: order.replacedBy })}` : ''}
        </Typography>
        {actions}
      </Stack>
    </Box>
  );
}

/** A list of order cards. */
export function OrderCards({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box component="ul" aria-label={label} sx={{ m: 0, p: 0, display: 'grid', gap: 1, minWidth: 0 }}>
      {children}
    </Box>
  );
}
