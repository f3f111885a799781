import type { ReactNode } from 'react';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Order } from '@cryptosim/contracts';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { CardFigure, CardFigures, CardItem, CardList } from '@/components/card-figures';

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
    <CardItem>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mb: 1 }}>
        <Typography component="h3" variant="subtitle2" sx={{ color: order.side === 'BUY' ? 'up.main' : 'down.main', flexGrow: 1 }}>
          {t('ordersPage.orderTitle', { side: t(`side.${order.side}`), symbol: order.symbol, type: t(`orderType.${order.type}`) })}
        </Typography>
        <Chip size="small" variant="outlined" color={STATUS_COLOUR[order.status]} label={t(`orderStatus.${order.status}`)} />
      </Stack>
      <CardFigures>
        <CardFigure label={t('ordersPage.price')}>{price}</CardFigure>
        {order.stopPrice ? <CardFigure label={t('ordersPage.trigger')}>{format.price(order.stopPrice, rules?.tickSize)}</CardFigure> : null}
        <CardFigure label={t('ordersPage.quantity')}>{order.quantity ? format.quantity(order.quantity, rules?.stepSize) : '—'}</CardFigure>
        <CardFigure label={t('ordersPage.filled')}>{format.quantity(order.filledQuantity, rules?.stepSize)}</CardFigure>
        {order.avgFillPrice ? <CardFigure label={t('ordersPage.avgPrice')}>{format.price(order.avgFillPrice, rules?.tickSize)}</CardFigure> : null}
        <CardFigure label={t('ordersPage.placedAt')}>{format.dateTime(Date.parse(order.createdAt))}</CardFigure>
      </CardFigures>
      <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        <Typography variant="caption" color="text.secondary" sx={{ flexGrow: 1 }}>
          {t('ordersPage.orderId', { id: order.id })}
          {order.replaces ? ` · ${t('ordersPage.replaces', { id: order.replaces })}` : ''}
          {order.replacedBy ? ` · ${t('ordersPage.replacedBy', { id: order.replacedBy })}` : ''}
        </Typography>
        {actions}
      </Stack>
    </CardItem>
  );
}

/** A list of order cards. */
export const OrderCards = CardList;
