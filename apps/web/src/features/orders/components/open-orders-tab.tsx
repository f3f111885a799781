import { useState } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Order } from '@cryptosim/contracts';
import { ResultToast, type ToastMessage } from '@/components/result-toast';
import { orderProblemText } from '@/lib/api';
import { useFormat, useT } from '@/lib/i18n';
import { useSymbolRules } from '@/lib/market';
import { useAllOpenOrders } from '../api/order-lists';
import { useCancelAllOrders, useCancelOrder } from '../api/order-actions';
import { CancelAllDialog } from './cancel-all-dialog';
import { EditPriceDialog } from './edit-price-dialog';
import { OrderCard, OrderCards } from './order-card';

/** Open orders of every symbol: cancel one, edit one's price (cancel-replace), or cancel them all. */
export function OpenOrdersTab() {
  const t = useT();
  const format = useFormat();
  const rulesOf = useSymbolRules();
  const { data, isPending, error } = useAllOpenOrders();
  const cancel = useCancelOrder();
  const cancelAll = useCancelAllOrders();
  const [editing, setEditing] = useState<Order | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  // A new id per message, so the same text twice in a row shows again.
  const say = (severity: ToastMessage['severity'], text: string) => setToast((shown) => ({ severity, text, id: (shown?.id ?? 0) + 1 }));

  const orders = data?.orders ?? [];
  const onCancel = (order: Order) =>
    cancel.mutate(order.id, {
      onSuccess: () => say('success', t('ordersPage.canceled', { id: order.id })),
      onError: (failure) => say('error', orderProblemText(failure, t)),
    });
  const onCancelAll = () =>
    cancelAll.mutate(undefined, {
      onSuccess: (reply) => say('success', t('ordersPage.cancelAll.done', { count: reply.canceled.length })),
      onError: (failure) => say('error', orderProblemText(failure, t)),
      onSettled: () => setConfirming(false),
    });

  let body;
  if (error) body = <Typography variant="body2" color="error">{orderProblemText(error, t)}</Typography>;
  else if (isPending) body = <Typography variant="body2">{t('common.loading')}</Typography>;
  else if (orders.length === 0) body = <Typography variant="body2" color="text.secondary">{t('ordersPage.noneOpen')}</Typography>;
  else
    body = (
      <OrderCards label={t('ordersPage.tab.open')}>
        {orders.map((order) => (
          <OrderCard
            key={order.id}
            order={order}
            actions={
              <>
                {order.price && !order.triggeredAt ? (
                  <Button size="small" onClick={() => setEditing(order)} aria-label={t('ordersPage.editLabel', { id: order.id })}>
                    {t('ordersPage.edit')}
                  </Button>
                ) : null}
                <Button size="small" color="error" onClick={() => onCancel(order)} disabled={cancel.isPending && cancel.variables === order.id}
                  aria-label={t('ordersPage.cancelLabel', { id: order.id })}>
                  {t('ordersPage.cancel')}
                </Button>
              </>
            }
          />
        ))}
      </OrderCards>
    );
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <Button variant="outlined" color="error" size="small" disabled={orders.length === 0} onClick={() => setConfirming(true)}>
          {t('ordersPage.cancelAll')}
        </Button>
      </Stack>
      {body}
      <CancelAllDialog open={confirming} count={orders.length} pending={cancelAll.isPending} onKeep={() => setConfirming(false)} onConfirm={onCancelAll} />
      {editing ? (
        <EditPriceDialog
          order={editing}
          onClose={() => setEditing(null)}
          onReplaced={(reply) => {
            setEditing(null);
            say('success', t('ordersPage.edit.done', { id: reply.order.id, price: format.price(reply.order.price ?? '0', rulesOf(reply.order.symbol)?.tickSize) }));
          }}
        />
      ) : null}
      <ResultToast toast={toast} onClose={() => setToast(null)} closeLabel={t('common.close')} />
    </Stack>
  );
}
