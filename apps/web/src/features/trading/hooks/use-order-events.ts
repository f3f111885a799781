import { useCallback } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Order, OrdersResponse } from '@cryptosim/contracts';
import { tradingKeys } from '@/lib/trading';
import { useUserChannel } from '@/lib/ws';

const isOpen = (order: Order) => order.status === 'NEW' || order.status === 'PARTIALLY_FILLED';

/** Puts one order event into every cached open-orders list: updated, added or removed. */
export function applyOrderEvent(queryClient: QueryClient, order: Order): void {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: [...tradingKeys.ordersAll, 'open'] })) {
    const scope = query.queryKey[3];
    if (scope !== '*' && scope !== order.symbol) continue;
    queryClient.setQueryData<OrdersResponse>(query.queryKey, (old) => {
      if (!old) return old;
      const rest = old.orders.filter((o) => o.id !== order.id);
      return { ...old, orders: isOpen(order) ? [order, ...rest].sort((a, b) => b.id - a.id) : rest };
    });
  }
  // A fill adds a row to the trade history; the page refetches it rather than guess its shape.
  if (order.status !== 'NEW') void queryClient.invalidateQueries({ queryKey: tradingKeys.historyAll });
}

/** /ws/orders: the matcher fills and cancels orders while the page is open. */
export function useOrderEvents(): void {
  const queryClient = useQueryClient();
  const onFrame = useCallback(
    (frame: unknown) => {
      const message = frame as { type?: string; data?: Order };
      if (message.type === 'order' && message.data) applyOrderEvent(queryClient, message.data);
    },
    [queryClient],
  );
  useUserChannel('orders', onFrame);
}
