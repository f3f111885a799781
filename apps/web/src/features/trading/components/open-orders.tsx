import { useState } from 'react';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import type { Order } from '@cryptosim/contracts';
import { CardFigure, CardFigures, CardItem, CardList } from '@/components/card-figures';
import { Panel } from '@/components/panel';
import { ResultToast, type ToastMessage } from '@/components/result-toast';
import { TableScroll } from '@/components/table-scroll';
import { VisuallyHidden } from '@/components/visually-hidden';
import { orderProblemText } from '@/lib/api';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { useOpenOrders } from '../api/get-open-orders';
import { useCancelOrder } from '../api/cancel-order';

// Cancel stays on screen at 360 px: the actions column sticks to the right edge of the scroller.
const stickyEnd = { position: 'sticky', right: 0, bgcolor: 'background.paper', zIndex: 1 } as const;

/** The symbol's resting orders, kept live by /ws/orders, each with a cancel button: a table, or cards on a phone. */
export function OpenOrders({ symbol }: { symbol: string }) {
  const t = useT();
  const format = useFormat();
  const { data, isPending, error } = useOpenOrders(symbol);
  const cancel = useCancelOrder();
  const rules = useSymbolRules()(symbol);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const phone = useMediaQuery(useTheme().breakpoints.down('sm'), { noSsr: true });

  const onCancel = (order: Order) =>
    cancel.mutate(order.id, {
      onSuccess: () => setToast({ severity: 'success', text: t('orders.canceled', { id: order.id }), id: Date.now() }),
      onError: (failure) => setToast({ severity: 'error', text: orderProblemText(failure, t), id: Date.now() }),
    });

  const orders = data?.orders ?? [];
  const cancelButton = (order: Order) => (
    <Button size="small" color="error" onClick={() => onCancel(order)} disabled={cancel.isPending && cancel.variables === order.id}
      aria-label={t('orders.cancelLabel', { side: t(`side.${order.side}`), type: t(`orderType.${order.type}`), id: order.id })}>
      {t('orders.cancel')}
    </Button>
  );
  const priceOf = (order: Order) => (order.price ? format.price(order.price, rules?.tickSize) : t('orders.trigger', { price: format.price(order.stopPrice ?? '0', rules?.tickSize) }));
  // A stop-limit waiting for its stop shows the trigger under its limit price.
  const waitingTrigger = (order: Order) => (order.price && order.stopPrice && !order.triggeredAt ? t('orders.trigger', { price: format.price(order.stopPrice, rules?.tickSize) }) : undefined);
  let body;
  if (error) body = <Typography variant="body2" color="error">{orderProblemText(error, t)}</Typography>;
  else if (isPending) body = <Typography variant="body2">{t('common.loading')}</Typography>;
  else if (orders.length === 0) body = <Typography variant="body2" color="text.secondary">{t('orders.none')}</Typography>;
  else if (phone)
    body = (
      <CardList label={t('orders.title')}>
        {orders.map((order) => (
          <CardItem key={order.id}>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1, mb: 1 }}>
              <Typography component="h3" variant="subtitle2" sx={{ flexGrow: 1, color: order.side === 'BUY' ? 'up.main' : 'down.main' }}>
                {t(`side.${order.side}`)} · {t(`orderType.${order.type}`)}{' '}
                <Typography component="span" variant="caption" color="text.secondary">#{order.id}</Typography>
              </Typography>
              {cancelButton(order)}
            </Stack>
            <CardFigures minColumn={96}>
              <CardFigure label={t('orders.column.price')} note={waitingTrigger(order)}>{priceOf(order)}</CardFigure>
              <CardFigure label={t('orders.column.quantity')}>{format.quantity(order.quantity ?? '0', rules?.stepSize)}</CardFigure>
              <CardFigure label={t('orders.column.filled')}>{format.quantity(order.filledQuantity, rules?.stepSize)}</CardFigure>
              <CardFigure label={t('orders.column.time')}>{format.dateTime(Date.parse(order.createdAt))}</CardFigure>
            </CardFigures>
          </CardItem>
        ))}
      </CardList>
    );
  else
    body = (
      <TableScroll label={t('orders.title')}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('orders.column.time')}</TableCell>
              <TableCell>{t('orders.column.order')}</TableCell>
              <TableCell align="right">{t('orders.column.price')}</TableCell>
              <TableCell align="right">{t('orders.column.quantity')}</TableCell>
              <TableCell align="right">{t('orders.column.filled')}</TableCell>
              <TableCell sx={stickyEnd}><VisuallyHidden>{t('orders.column.actions')}</VisuallyHidden></TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {orders.map((order) => (
              <TableRow key={order.id}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(Date.parse(order.createdAt))}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap', color: order.side === 'BUY' ? 'up.main' : 'down.main' }}>
                  {t(`side.${order.side}`)} · {t(`orderType.${order.type}`)}{' '}
                  {/* The id the cancel toast names. */}
                  <Typography component="span" variant="caption" color="text.secondary">#{order.id}</Typography>
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {priceOf(order)}
                  {waitingTrigger(order) ? <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>{waitingTrigger(order)}</Typography> : null}
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>{format.quantity(order.quantity ?? '0', rules?.stepSize)}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>{format.quantity(order.filledQuantity, rules?.stepSize)}</TableCell>
                <TableCell align="right" sx={stickyEnd}>{cancelButton(order)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    );
  return (
    <Panel title={t('orders.title')}>
      {body}
      <ResultToast toast={toast} onClose={() => setToast(null)} closeLabel={t('common.close')} />
    </Panel>
  );
}
