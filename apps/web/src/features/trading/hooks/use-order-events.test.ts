import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Order, OrdersResponse } from '@cryptosim/contracts';
import { tradingKeys } from '@/lib/trading';
import { applyOrderEvent } from './use-order-events';

const order = (id: number, symbol: string, status: Order['status']): Order => ({
  id, clientOrderId: `c${id}`, symbol, side: 'BUY', type: 'LIMIT', status, quantity: '1', quoteAmount: null, price: '10', stopPrice: null, timeInForce: 'GTC', triggeredAt: null,
  filledQuantity: '0', avgFillPrice: null, fee: '0', rejectReason: null, run: 1, createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z',
});

describe('order events', () => {
  it('when an order event arrives, then open lists of that symbol and of all symbols add, update or drop it', () => {
    const client = new QueryClient();
    client.setQueryData<OrdersResponse>(tradingKeys.openOrders('BTCUSDT'), { orders: [order(1, 'BTCUSDT', 'NEW')], nextCursor: null });
    client.setQueryData<OrdersResponse>(tradingKeys.openOrders(undefined), { orders: [order(1, 'BTCUSDT', 'NEW')], nextCursor: null });
    client.setQueryData<OrdersResponse>(tradingKeys.openOrders('ETHUSDT'), { orders: [], nextCursor: null });

    applyOrderEvent(client, order(2, 'BTCUSDT', 'NEW'));
    expect(client.getQueryData<OrdersResponse>(tradingKeys.openOrders('BTCUSDT'))!.orders.map((o) => o.id), 'newest first').toEqual([2, 1]);
    expect(client.getQueryData<OrdersResponse>(tradingKeys.openOrders('ETHUSDT'))!.orders, 'other symbols untouched').toEqual([]);

    applyOrderEvent(client, order(1, 'BTCUSDT', 'CANCELED'));
    expect(client.getQueryData<OrdersResponse>(tradingKeys.openOrders('BTCUSDT'))!.orders.map((o) => o.id)).toEqual([2]);
    expect(client.getQueryData<OrdersResponse>(tradingKeys.openOrders(undefined))!.orders.map((o) => o.id)).toEqual([2]);
  });
});
