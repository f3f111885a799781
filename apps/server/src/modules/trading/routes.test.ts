/**
 * /api/trading/* through buildApp + inject on in-memory PGlite, with the price set by the
 * test in the ticker hash. Slippage is off (SLIPPAGE_K=0) so every fill price is exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrdersResponse, TradeHistoryResponse } from '@cryptosim/contracts';
import { expectProblem } from '../accounts/testing/clients.js';
import { tickerKey } from '../market/index.js';
import { setPrice } from '../../testing/test-prices.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { newTrader, order, orderOf, placed, portfolioOf, type Trader, TRADING_MODULES } from './testing/trading-clients.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ modules: TRADING_MODULES, prices: { BTCUSDT: '50000', ETHUSDT: '2000' } });
}, 60_000);

afterAll(async () => {
  await t.close();
});

describe('market orders', () => {
  it('when a trader buys at market, then it fills at the live price with the 0.1 % fee on top', async () => {
    const me = await newTrader(t.app);
    const { order: o, fills } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.1' }));
    expect(o).toMatchObject({ status: 'FILLED', side: 'BUY', type: 'MARKET', quantity: '0.1', filledQuantity: '0.1', avgFillPrice: '50000', fee: '5', run: 1 });
    expect(o.clientOrderId, 'a clientOrderId is generated when none is sent').toMatch(/^[0-9a-f-]{36}$/);
    expect(fills).toEqual([expect.objectContaining({ orderId: o.id, type: 'BUY', quantity: '0.1', price: '50000', totalAmount: '5000', fee: '5', realizedPnl: null })]);
    const p = await portfolioOf(t.app, me);
    expect(p).toMatchObject({ cash: '94995', reserved: '0', totalValue: '99995', totalPnl: '-5' });
    expect(p.positions).toEqual([expect.objectContaining({ symbol: 'BTCUSDT', quantity: '0.1', available: '0.1', avgPrice: '50000', marketValue: '5000' })]);
  });

  it('when a trader buys by quoteAmount, then the quantity is what that amount buys, floored to the lot step', async () => {
    const me = await newTrader(t.app);
    const { order: o } = await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quoteAmount: '1000.5' }));
    expect(o).toMatchObject({ status: 'FILLED', quantity: '0.5002', quoteAmount: '1000.5', avgFillPrice: '2000', fee: '1.0004' });
  });

  it('when the price rises and the trader sells, then the realized P&L is the gain minus the sell fee', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quantity: '1' }));
    await setPrice(t.ports.cache, 'ETHUSDT', '2100');
    const { fills } = await placed(await order(t.app, me, 'sell', { symbol: 'ETHUSDT', quantity: '1' }));
    await setPrice(t.ports.cache, 'ETHUSDT', '2000');
    expect(fills[0]).toMatchObject({ type: 'SELL', price: '2100', fee: '2.1', realizedPnl: '97.9' });
    const p = await portfolioOf(t.app, me);
    expect(p.positions, 'a closed position is not listed').toEqual([]);
    expect(p.cash).toBe('100095.9'); // 100000 − 2002 + 2100 − 2.1
  });

  it('when the cash does not cover the order, then it is refused with INSUFFICIENT_BALANCE and nothing changes', async () => {
    const me = await newTrader(t.app);
    expectProblem(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '2' }), 400, 'INSUFFICIENT_BALANCE');
    expectProblem(await order(t.app, me, 'sell', { symbol: 'BTCUSDT', quantity: '0.001' }), 400, 'INSUFFICIENT_POSITION');
    expect((await portfolioOf(t.app, me)).cash).toBe('100000');
    const list = (await t.app.inject({ url: '/api/trading/orders', headers: me.headers })).json() as OrdersResponse;
    expect(list.orders, 'a refused order leaves no row').toEqual([]);
  });

  it('when a symbol has no live price yet, then orders are refused with 503 NO_PRICE', async () => {
    const me = await newTrader(t.app);
    expectProblem(await order(t.app, me, 'buy', { symbol: 'SOLUSDT', quantity: '1' }), 503, 'NO_PRICE');
  });

  it('when a live price has gone stale (Binance unreachable), then a market order answers 503 NO_PRICE with Retry-After instead of filling at it', async () => {
    const me = await newTrader(t.app);
    const silentSince = Date.now() - 60_000;
    await t.ports.cache.hset(tickerKey('XRPUSDT'), {
      symbol: 'XRPUSDT', price: '1.5', open24h: '1.5', high24h: '1.5', low24h: '1.5', volume24h: '100000000', changePercent24h: '0', updatedAt: String(silentSince), source: 'binance',
    });
    const res = await order(t.app, me, 'buy', { symbol: 'XRPUSDT', quantity: '10' });
    expectProblem(res, 503, 'NO_PRICE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((await portfolioOf(t.app, me)).cash, 'nothing was spent or reserved').toBe('100000');
  });
});

describe('resting orders and cancel', () => {
  it('when a limit buy rests, then its cost with the fee is reserved, and canceling returns it at once', async () => {
    const me = await newTrader(t.app);
    const { order: o, fills } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.5', price: '40000' }));
    expect(o).toMatchObject({ status: 'NEW', price: '40000', filledQuantity: '0', avgFillPrice: null });
    expect(fills).toEqual([]);
    expect(await portfolioOf(t.app, me)).toMatchObject({ cash: '79980', reserved: '20020', totalValue: '100000' });

    const res = await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${o.id}`, headers: me.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Order).status).toBe('CANCELED');
    expect(await portfolioOf(t.app, me)).toMatchObject({ cash: '100000', reserved: '0' });
    const again = await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${o.id}`, headers: me.headers });
    expectProblem(again, 409, 'ORDER_NOT_CANCELABLE');
  });

  it('when a limit sell rests, then its coins are reserved and no longer available', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quantity: '2' }));
    await placed(await order(t.app, me, 'sell', { symbol: 'ETHUSDT', type: 'LIMIT', quantity: '1.5', price: '2500' }));
    expect((await portfolioOf(t.app, me)).positions[0]).toMatchObject({ quantity: '2', available: '0.5' });
    expectProblem(await order(t.app, me, 'sell', { symbol: 'ETHUSDT', quantity: '1' }), 400, 'INSUFFICIENT_POSITION');
  });

  it('when a limit buy is already marketable, then it fills at once as taker, never above its limit', async () => {
    const me = await newTrader(t.app);
    const { order: o } = await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', type: 'LIMIT', quantity: '1', price: '2050' }));
    expect(o).toMatchObject({ status: 'FILLED', avgFillPrice: '2000' });
  });
});

describe('clientOrderId', () => {
  it('when the same clientOrderId is sent twice, then the second answer is 200 with the first order and it is charged once', async () => {
    const me = await newTrader(t.app);
    const body = { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'retry-me_1' };
    const first = await placed(await order(t.app, me, 'buy', body));
    const second = await placed(await order(t.app, me, 'buy', body), 200);
    expect(second.order.id).toBe(first.order.id);
    expect(second.fills).toEqual(first.fills);
    expect((await portfolioOf(t.app, me)).positions[0]?.quantity).toBe('0.01');
  });

  it('when the same clientOrderId arrives twice at once, then one order is made and both answers name it', async () => {
    const me = await newTrader(t.app);
    const body = { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'racing' };
    const answers = await Promise.all([order(t.app, me, 'buy', body), order(t.app, me, 'buy', body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(answers.map((a) => (a.json() as { order: Order }).order.id)).size).toBe(1);
  });

  it('when a clientOrderId is reused for a different order, then it is refused with DUPLICATE_CLIENT_ORDER_ID', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'mine' }));
    expectProblem(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.02', clientOrderId: 'mine' }), 409, 'DUPLICATE_CLIENT_ORDER_ID');
    expectProblem(await order(t.app, me, 'sell', { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'mine' }), 409, 'DUPLICATE_CLIENT_ORDER_ID');
  });

  it('when two users use the same clientOrderId, then each gets their own order', async () => {
    const [a, b] = [await newTrader(t.app), await newTrader(t.app)];
    const oa = await placed(await order(t.app, a, 'buy', { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'shared' }));
    const ob = await placed(await order(t.app, b, 'buy', { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'shared' }));
    expect(oa.order.id).not.toBe(ob.order.id);
  });
});

describe('bad input never reaches a 500', () => {
  let me: Trader;
  beforeAll(async () => {
    me = await newTrader(t.app);
  });

  it.each([
    ['a negative quantity', { symbol: 'BTCUSDT', quantity: '-1' }],
    ['a zero quantity', { symbol: 'BTCUSDT', quantity: '0' }],
    ['NaN', { symbol: 'BTCUSDT', quantity: 'NaN' }],
    ['an exponent', { symbol: 'BTCUSDT', quantity: '1e-3' }],
    ['a 30-digit amount', { symbol: 'BTCUSDT', quantity: '123456789012345678901234567890' }],
    ['a numeric amount', { symbol: 'BTCUSDT', quantity: 0.1 }],
    ['a boolean amount', { symbol: 'BTCUSDT', quantity: true }],
    ['an unknown type', { symbol: 'BTCUSDT', type: 'OCO', quantity: '0.1' }],
    ['a LIMIT without price', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.1' }],
    ['a STOP_LOSS without stopPrice', { symbol: 'BTCUSDT', type: 'STOP_LOSS', quantity: '0.1' }],
    ['a price on a MARKET order', { symbol: 'BTCUSDT', quantity: '0.1', price: '50000' }],
    ['quantity and quoteAmount together', { symbol: 'BTCUSDT', quantity: '0.1', quoteAmount: '100' }],
    ['neither quantity nor quoteAmount', { symbol: 'BTCUSDT' }],
    ['an unknown field', { symbol: 'BTCUSDT', quantity: '0.1', leverage: '10' }],
    ['a lowercase symbol', { symbol: 'btcusdt', quantity: '0.1' }],
  ])('when the body has %s, then it is 400 VALIDATION_FAILED', async (_why, body) => {
    const problem = expectProblem(await order(t.app, me, 'buy', body), 400, 'VALIDATION_FAILED');
    expect(problem.errors, 'the problem names the offending field').toBeInstanceOf(Array);
  });

  it('when a sell carries quoteAmount, then it is 400 VALIDATION_FAILED', async () => {
    expectProblem(await order(t.app, me, 'sell', { symbol: 'BTCUSDT', quoteAmount: '100' }), 400, 'VALIDATION_FAILED');
  });

  it.each([
    ['a quantity off the lot step', { symbol: 'BTCUSDT', quantity: '0.000015' }, 'LOT_SIZE'],
    ['an order below the minimum notional', { symbol: 'BTCUSDT', quantity: '0.00001' }, 'MIN_NOTIONAL'],
    ['a limit price off the tick', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.001', price: '40000.005' }, 'PRICE_FILTER'],
    ['a buy stop below the market, which would fill at once', { symbol: 'BTCUSDT', type: 'STOP_LOSS', quantity: '0.001', stopPrice: '40000' }, 'WOULD_TRIGGER_IMMEDIATELY'],
  ])('when the order breaks an exchange rule (%s), then it is refused with its code', async (_why, body, code) => {
    expectProblem(await order(t.app, me, 'buy', body), 400, code);
  });

  it('when the symbol is not traded here, then it is 404 UNKNOWN_SYMBOL', async () => {
    expectProblem(await order(t.app, me, 'buy', { symbol: 'NOPEUSDT', quantity: '1' }), 404, 'UNKNOWN_SYMBOL');
  });

  it("when a trader asks for or cancels someone else's order, then it is 404 NOT_FOUND", async () => {
    const other = await newTrader(t.app);
    const { order: theirs } = await placed(await order(t.app, other, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '30000' }));
    expectProblem(await t.app.inject({ url: `/api/trading/orders/${theirs.id}`, headers: me.headers }), 404, 'NOT_FOUND');
    expectProblem(await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${theirs.id}`, headers: me.headers }), 404, 'NOT_FOUND');
    expect((await orderOf(t.app, other, theirs.id)).status, 'the owner still sees it open').toBe('NEW');
  });

  it.each(['abc', '0', '-1', '1.5', '99999999999999999999999'])('when the order id is %s, then it is 400 or 404, never 500', async (id) => {
    const res = await t.app.inject({ url: `/api/trading/orders/${id}`, headers: me.headers });
    expect([400, 404], res.body).toContain(res.statusCode);
  });

  it('when a list cursor was not issued by the API, then it is 400 VALIDATION_FAILED', async () => {
    expectProblem(await t.app.inject({ url: '/api/trading/orders?cursor=bm9wZQ', headers: me.headers }), 400, 'VALIDATION_FAILED');
  });

  it('when no token is sent, then every trading and portfolio route is 401', async () => {
    for (const [method, url] of [['POST', '/api/trading/buy'], ['GET', '/api/trading/orders'], ['GET', '/api/trading/history.csv'], ['GET', '/api/portfolio'], ['POST', '/api/portfolio/reset']] as const) {
      expectProblem(await t.app.inject({ method, url, payload: method === 'POST' ? {} : undefined }), 401, 'UNAUTHORIZED');
    }
  });
});

describe('lists and export', () => {
  it('when a trader pages through orders, then pages are newest first, filtered, and end with a null cursor', async () => {
    const me = await newTrader(t.app);
    for (let i = 0; i < 5; i++) await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.001' }));
    await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', type: 'LIMIT', quantity: '0.01', price: '1000' }));
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/trading/orders?status=closed&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const body = (await t.app.inject({ url, headers: me.headers })).json() as OrdersResponse;
      expect(body.orders.every((o) => o.status === 'FILLED')).toBe(true);
      seen.push(...body.orders.map((o) => o.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => b - a), 'newest first').toEqual(seen);
    const open = (await t.app.inject({ url: '/api/trading/orders?status=open', headers: me.headers })).json() as OrdersResponse;
    expect(open.orders.map((o) => o.symbol)).toEqual(['ETHUSDT']);
    const eth = (await t.app.inject({ url: '/api/trading/orders?symbol=ETHUSDT', headers: me.headers })).json() as OrdersResponse;
    expect(eth.orders).toHaveLength(1);
  });

  it('when a trader reads the history and its CSV, then both hold every fill with its run', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.002' }));
    await placed(await order(t.app, me, 'sell', { symbol: 'BTCUSDT', quantity: '0.001' }));
    const page1 = (await t.app.inject({ url: '/api/trading/history?limit=1', headers: me.headers })).json() as TradeHistoryResponse;
    expect(page1.transactions[0]).toMatchObject({ type: 'SELL', quantity: '0.001', run: 1 });
    const page2 = (await t.app.inject({ url: `/api/trading/history?limit=1&cursor=${page1.nextCursor}`, headers: me.headers })).json() as TradeHistoryResponse;
    expect(page2.transactions[0]).toMatchObject({ type: 'BUY', quantity: '0.002' });
    expect(page2.nextCursor).toBeNull();

    const csv = await t.app.inject({ url: '/api/trading/history.csv', headers: me.headers });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,run,orderId,createdAt,symbol,side,quantity,price,totalAmount,fee,realizedPnl');
    expect(lines.slice(1).map((l) => l.split(',').slice(4, 10))).toEqual([
      ['BTCUSDT', 'BUY', '0.002', '50000', '100', '0.1'],
      ['BTCUSDT', 'SELL', '0.001', '50000', '50', '0.05'],
    ]);
  });
});
