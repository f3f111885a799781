/**
 * /api/portfolio/* through buildApp + inject on in-memory PGlite, prices set by the test:
 * live valuation, the cache entry's invalidation, reset with history kept by run, equity
 * snapshots and performance, and the live events on /ws/orders and /ws/portfolio.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Order, OrdersResponse, PerformanceResponse, Portfolio, TradeHistoryResponse } from '@cryptosim/contracts';
import { equitySnapshots } from '../../db/schema.js';
import { openSocket } from '../accounts/testing/socket-client.js';
import { setPrice } from '../../testing/test-prices.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { newTrader, order, placed, portfolioOf, TRADING_MODULES } from '../trading/testing/trading-clients.js';
import { snapshotEquity } from './equity-snapshots.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ modules: TRADING_MODULES, prices: { BTCUSDT: '50000' } });
}, 60_000);

afterAll(async () => {
  await t.close();
});

describe('portfolio', () => {
  it('when the price moves, then the position is valued at the live price with its unrealized P&L', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '1' }));
    await setPrice(t.ports.cache, 'BTCUSDT', '55000');
    const p = await portfolioOf(t.app, me);
    await setPrice(t.ports.cache, 'BTCUSDT', '50000');
    expect(p).toMatchObject({ cash: '49950', totalValue: '104950', totalPnl: '4950', totalReturnPercent: '4.95' });
    expect(p.positions[0]).toMatchObject({ marketPrice: '55000', marketValue: '55000', unrealizedPnl: '5000', unrealizedPnlPercent: '10' });
  });

  it('when a read cached the account and an order then fills, then the next read shows the fill', async () => {
    const me = await newTrader(t.app);
    expect((await portfolioOf(t.app, me)).positions).toEqual([]);
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.01' }));
    expect((await portfolioOf(t.app, me)).positions.map((p) => p.quantity)).toEqual(['0.01']);
  });
});

describe('reset', () => {
  it('when a trader resets, then cash returns to the initial balance, open orders are canceled and earlier history stays with its run', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.5' }));
    const { order: resting } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.1', price: '40000' }));

    const res = await t.app.inject({ method: 'POST', url: '/api/portfolio/reset', headers: me.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as Portfolio).toMatchObject({ cash: '100000', reserved: '0', totalValue: '100000', positions: [] });

    const canceled = (await t.app.inject({ url: `/api/trading/orders/${resting.id}`, headers: me.headers })).json() as Order;
    expect(canceled).toMatchObject({ status: 'CANCELED', run: 1 });
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.01' }));
    const history = (await t.app.inject({ url: '/api/trading/history', headers: me.headers })).json() as TradeHistoryResponse;
    expect(history.transactions.map((x) => [x.quantity, x.run])).toEqual([['0.01', 2], ['0.5', 1]]);
    const orders = (await t.app.inject({ url: '/api/trading/orders', headers: me.headers })).json() as OrdersResponse;
    expect(orders.orders.map((o) => o.run)).toEqual([2, 1, 1]);
    expect((await portfolioOf(t.app, me)).positions.map((p) => p.quantity), 'run 1 positions are gone').toEqual(['0.01']);
  });
});

describe('equity snapshots and performance', () => {
  it('when the minute job runs twice in one minute, then each user gets one snapshot', async () => {
    const me = await newTrader(t.app);
    const minute = Date.UTC(2030, 0, 1, 12, 0);
    const first = await snapshotEquity(t.ports.db.db, t.ports.cache, t.ports.market.symbols, minute + 5_000);
    const second = await snapshotEquity(t.ports.db.db, t.ports.cache, t.ports.market.symbols, minute + 40_000);
    expect(first, 'one row per user').toBeGreaterThan(0);
    expect(second, 'the same minute again adds nothing').toBe(0);
    const mine = await t.ports.db.db.select().from(equitySnapshots).where(eq(equitySnapshots.userId, me.id));
    expect(mine.map((r) => [r.time.getTime(), Number(r.value)])).toEqual([[minute, 100000]]);
  });

  it('when a trader lost on a position, then performance shows the curve down to the current value, the trade count and the fees paid', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '1' }));
    await setPrice(t.ports.cache, 'BTCUSDT', '45000');
    await snapshotEquity(t.ports.db.db, t.ports.cache, t.ports.market.symbols);
    await placed(await order(t.app, me, 'sell', { symbol: 'BTCUSDT', quantity: '1' }));
    await setPrice(t.ports.cache, 'BTCUSDT', '50000');

    const res = await t.app.inject({ url: '/api/portfolio/performance?range=all', headers: me.headers });
    expect(res.statusCode, res.body).toBe(200);
    const perf = res.json() as PerformanceResponse;
    expect(perf.equity[0]?.value, 'the run starts at the initial balance').toBe('100000');
    expect(perf.equity.at(-1)?.value).toBe('94905'); // 100000 − 50 − 5000 − 45
    expect(perf.metrics).toMatchObject({ trades: 2, winRate: '0', totalReturnPercent: '-5.095', feesPaid: '95' }); // 50 + 45
    expect(Number(perf.metrics.maxDrawdownPercent)).toBeGreaterThan(5);
    const bad = await t.app.inject({ url: '/api/portfolio/performance?range=2w', headers: me.headers });
    expect(bad.statusCode).toBe(400);
  });
});

describe('live events', () => {
  it('when an order is placed and canceled, then the owner receives each order state and the portfolio on their sockets', async () => {
    const url = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const me = await newTrader(t.app);
    const orders = await openSocket(`${url}/ws/orders?token=${me.token}`);
    const portfolio = await openSocket(`${url}/ws/portfolio?token=${me.token}`);
    try {
      expect(await orders.next()).toMatchObject({ type: 'authenticated' });
      expect(await portfolio.next()).toMatchObject({ type: 'authenticated' });
      const { order: o } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.1', price: '40000' }));
      expect(await orders.next()).toMatchObject({ type: 'order', data: { id: o.id, status: 'NEW' } });
      expect(await portfolio.next()).toMatchObject({ type: 'portfolio', data: { reserved: '4004', cash: '95996' } });
      await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${o.id}`, headers: me.headers });
      expect(await orders.next()).toMatchObject({ type: 'order', data: { id: o.id, status: 'CANCELED' } });
      expect(await portfolio.next()).toMatchObject({ type: 'portfolio', data: { reserved: '0', cash: '100000' } });
    } finally {
      orders.ws.close();
      portfolio.ws.close();
    }
  });
});
