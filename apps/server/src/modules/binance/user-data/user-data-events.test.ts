/**
 * Order events in Binance's executionReport sequence: which executions one committed step
 * produced, told apart by the step's fills (committed with the order's `updatedAt`), with the
 * cumulative figures advancing fill by fill.
 */
import type { Order, Transaction } from '@cryptosim/contracts';
import { describe, expect, it } from 'vitest';
import { executionReports } from './user-data-events.js';

const T0 = '2026-01-06T12:00:00.000Z';
const T1 = '2026-01-06T12:00:05.000Z';

function order(fields: Partial<Order>): Order {
  return {
    id: 7,
    clientOrderId: 'c7',
    symbol: 'BTCUSDT',
    side: 'BUY',
    type: 'LIMIT',
    status: 'NEW',
    quantity: '2',
    quoteAmount: null,
    price: '100',
    stopPrice: null,
    timeInForce: 'GTC',
    triggeredAt: null,
    filledQuantity: '0',
    avgFillPrice: null,
    fee: '0',
    rejectReason: null,
    run: 1,
    createdAt: T0,
    updatedAt: T0,
    ...fields,
  };
}

function fill(id: number, quantity: string, price: string, createdAt: string): Transaction {
  const total = (Number(quantity) * Number(price)).toString();
  return { id, orderId: 7, symbol: 'BTCUSDT', type: 'BUY', quantity, price, fee: '0.1', totalAmount: total, realizedPnl: null, run: 1, createdAt };
}

const pick = (reports: ReturnType<typeof executionReports>) => reports.map(({ x, X, l, z, L, t, m, w, Z }) => ({ x, X, l, z, L, t, m, w, Z }));

describe('executionReports', () => {
  it('when an order is placed and filled by two fills in one step, then NEW comes first and each TRADE advances the cumulative figures', () => {
    const o = order({ type: 'MARKET', price: null, timeInForce: null, status: 'FILLED', filledQuantity: '2', avgFillPrice: '100.5' });
    const reports = executionReports(o, [fill(11, '1', '100', T0), fill(12, '1', '101', T0)]);
    expect(pick(reports)).toEqual([
      { x: 'NEW', X: 'NEW', l: '0.00000000', z: '0.00000000', L: '0.00000000', t: -1, m: false, w: false, Z: '0.00000000' },
      { x: 'TRADE', X: 'PARTIALLY_FILLED', l: '1.00000000', z: '1.00000000', L: '100.00000000', t: 11, m: false, w: false, Z: '100.00000000' },
      { x: 'TRADE', X: 'FILLED', l: '1.00000000', z: '2.00000000', L: '101.00000000', t: 12, m: false, w: false, Z: '201.00000000' },
    ]);
    expect(reports.map((r) => r.f)).toEqual(['GTC', 'GTC', 'GTC']);
    expect(reports[0]!.W, 'a market order never works on the book').toBeUndefined();
  });

  it('when an IOC order fills in part and expires in one step, then its TRADE is followed by EXPIRED', () => {
    const o = order({ timeInForce: 'IOC', status: 'EXPIRED', filledQuantity: '1', avgFillPrice: '100' });
    expect(pick(executionReports(o, [fill(11, '1', '100', T0)])).map(({ x, X, z }) => ({ x, X, z }))).toEqual([
      { x: 'NEW', X: 'NEW', z: '0.00000000' },
      { x: 'TRADE', X: 'PARTIALLY_FILLED', z: '1.00000000' },
      { x: 'EXPIRED', X: 'EXPIRED', z: '1.00000000' },
    ]);
  });

  it('when the matcher fills a resting limit order later, then only that step’s fill is reported, as the maker', () => {
    const o = order({ status: 'FILLED', filledQuantity: '2', avgFillPrice: '100', updatedAt: T1 });
    const earlier = fill(11, '1', '100', T0);
    const reports = executionReports({ ...o }, [earlier, fill(12, '1', '100', T1)]);
    expect(pick(reports)).toEqual([{ x: 'TRADE', X: 'FILLED', l: '1.00000000', z: '2.00000000', L: '100.00000000', t: 12, m: true, w: false, Z: '200.00000000' }]);
  });

  it('when a resting order is placed and later canceled, then NEW is on the book and CANCELED names the canceled order', () => {
    const placed = executionReports(order({}), []);
    expect(placed.map(({ x, w, C, W }) => ({ x, w, C, W }))).toEqual([{ x: 'NEW', w: true, C: '', W: Date.parse(T0) }]);
    const canceled = executionReports(order({ status: 'CANCELED', updatedAt: T1 }), []);
    expect(canceled.map(({ x, X, w, C, T }) => ({ x, X, w, C, T }))).toEqual([{ x: 'CANCELED', X: 'CANCELED', w: false, C: 'c7', T: Date.parse(T1) }]);
  });

  it('when a stop has not triggered, then it is not on the book', () => {
    const stop = order({ type: 'STOP_LOSS_LIMIT', stopPrice: '90' });
    expect(executionReports(stop, [])[0]!.w).toBe(false);
    expect(executionReports({ ...stop, triggeredAt: T1 }, [])[0]!.w).toBe(true);
  });
});
