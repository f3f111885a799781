import { describe, expect, it } from 'vitest';
import type { Order, Transaction } from '@cryptosim/contracts';
import { fillMarkers, orderLines, snapToTick } from './chart-orders';

const order = (o: Partial<Order>): Order => ({
  id: 1, clientOrderId: 'c', symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', status: 'NEW', quantity: '0.5', quoteAmount: null, price: '60000', stopPrice: null,
  timeInForce: 'GTC', triggeredAt: null, filledQuantity: '0', avgFillPrice: null, fee: '0', rejectReason: null, run: 1, createdAt: '2026-05-01T00:00:00Z', updatedAt: '2026-05-01T00:00:00Z', ...o,
});
const fill = (createdAt: string, type: 'BUY' | 'SELL', quantity: string): Transaction => ({
  id: 1, orderId: 1, symbol: 'BTCUSDT', type, quantity, price: '60000', fee: '0', totalAmount: '0', realizedPnl: null, run: 1, createdAt,
});

describe('orderLines', () => {
  it('when orders are open, then each gets a line at its price with the quantity still open; only resting limits are movable', () => {
    const lines = orderLines(
      [
        order({ id: 1, filledQuantity: '0.2', status: 'PARTIALLY_FILLED' }),
        order({ id: 2, side: 'SELL', type: 'STOP_LOSS_LIMIT', price: '55000', stopPrice: '56000' }),
        order({ id: 3, side: 'SELL', type: 'STOP_LOSS_LIMIT', price: '55000', stopPrice: '56000', triggeredAt: '2026-05-01T01:00:00Z' }),
        order({ id: 4, status: 'FILLED' }),
        order({ id: 5, symbol: 'ETHUSDT' }),
      ],
      'BTCUSDT',
    );
    expect(lines).toEqual([
      { id: 1, side: 'BUY', price: '60000', remaining: '0.3', movable: true },
      { id: 2, side: 'SELL', price: '56000', remaining: '0.5', movable: false },
      { id: 3, side: 'SELL', price: '55000', remaining: '0.5', movable: true },
    ]);
  });
});

describe('fillMarkers', () => {
  it('when fills fall in the same weekly candle, then they are one marker per side on its Monday', () => {
    const markers = fillMarkers([fill('2026-05-01T10:00:00Z', 'BUY', '0.1'), fill('2026-04-28T10:00:00Z', 'BUY', '0.2'), fill('2026-04-29T00:00:00Z', 'SELL', '0.05')], '1w');
    const monday = Date.parse('2026-04-27T00:00:00Z');
    expect(markers).toEqual([
      { time: monday, side: 'BUY', quantity: '0.3', price: '60000' },
      { time: monday, side: 'SELL', quantity: '0.05', price: '60000' },
    ]);
  });
});

describe('snapToTick', () => {
  it('when a dragged price falls between ticks, then it snaps to the nearest tick; a non-positive one is refused', () => {
    expect(snapToTick(60123.456, '0.01')).toBe('60123.46');
    expect(snapToTick(0.123456789, '0.00001')).toBe('0.12346');
    expect(snapToTick(60123.4, '10')).toBe('60120');
    expect(snapToTick(-5, '0.01')).toBeNull();
    expect(snapToTick(0.001, '0.01')).toBeNull();
  });
});
