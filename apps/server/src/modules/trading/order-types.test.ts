/**
 * The order types beyond MARKET / LIMIT / STOP_LOSS / TAKE_PROFIT through /api/trading, end to
 * end on in-memory PGlite: timeInForce IOC / FOK, LIMIT_MAKER (post-only), and the stop-limits
 * from placement through the matcher (trigger, then rest or fill as a limit). Slippage is off,
 * so fill prices are exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketTopics, type OrdersResponse } from '@cryptosim/contracts';
import { moduleContext } from '../../app/module-context.js';
import type { Running } from '../../kernel/module.js';
import { expectProblem } from '../accounts/testing/clients.js';
import { matcherEntryPoint } from './matcher/matcher-entry-point.js';
import { eventually } from '../../testing/eventually.js';
import { setPrice } from '../../testing/test-prices.js';
import { silent, startTestApp, type TestApp } from '../../testing/test-app.js';
import { newTrader, order, orderOf, placed, portfolioOf, tickMessage, TRADING_MODULES, type Trader } from './testing/trading-clients.js';

let t: TestApp;
let matcher: Running;

const ctx = () => ({ ...moduleContext({ config: t.config, ports: t.ports, logger: silent }), signal: new AbortController().signal });
/** Moves the price for placements (ticker) and for the matcher (ticks on the bus). */
async function price(symbol: string, ...prices: string[]) {
  await setPrice(t.ports.cache, symbol, prices[prices.length - 1]!);
  await t.ports.bus.publish(MarketTopics.ticks, prices.map((p) => tickMessage(symbol, p)));
}
const orderWhen = (me: Trader, id: number, what: string, done: (o: Awaited<ReturnType<typeof orderOf>>) => boolean) =>
  eventually(`order ${id} ${what}`, async () => {
    const o = await orderOf(t.app, me, id);
    return done(o) ? o : undefined;
  });

beforeAll(async () => {
  t = await startTestApp({ modules: TRADING_MODULES, prices: { BTCUSDT: '50000', ETHUSDT: '2000' }, env: { TRADING_MAKER_FEE_RATE: '0.0002', TRADING_TAKER_FEE_RATE: '0.001' } });
  matcher = await matcherEntryPoint.start(ctx());
}, 60_000);

afterAll(async () => {
  await matcher.stop();
  await t.close();
});

describe('timeInForce', () => {
  it('when an IOC limit buy is below the price, then it is EXPIRED at once, holds nothing and is listed as closed', async () => {
    const me = await newTrader(t.app);
    const { order: o, fills } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', timeInForce: 'IOC', quantity: '0.1', price: '49000' }));
    expect(o).toMatchObject({ status: 'EXPIRED', type: 'LIMIT', timeInForce: 'IOC', filledQuantity: '0', quantity: '0.1', price: '49000', fee: '0' });
    expect(fills).toEqual([]);
    expect(await portfolioOf(t.app, me)).toMatchObject({ cash: '100000', reserved: '0' });
    const closed = (await t.app.inject({ url: '/api/trading/orders?status=closed', headers: me.headers })).json() as OrdersResponse;
    expect(closed.orders.map((x) => x.id)).toEqual([o.id]);
  });

  it('when a FOK limit buy crosses the price, then it fills whole at once as taker', async () => {
    const me = await newTrader(t.app);
    const { order: o, fills } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', timeInForce: 'FOK', quantity: '0.1', price: '50100' }));
    expect(o).toMatchObject({ status: 'FILLED', timeInForce: 'FOK', filledQuantity: '0.1', avgFillPrice: '50000', fee: '5' });
    expect(fills).toHaveLength(1);
  });

  it('when a limit comes without timeInForce, then it is GTC; a market order has none', async () => {
    const me = await newTrader(t.app);
    const { order: limit } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '30000' }));
    const { order: market } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.01' }));
    expect([limit.timeInForce, market.timeInForce]).toEqual(['GTC', null]);
  });

  it('when an IOC order is refused by the balance, then it is INSUFFICIENT_BALANCE and leaves no row', async () => {
    const me = await newTrader(t.app);
    expectProblem(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', timeInForce: 'IOC', quantity: '3', price: '40000' }), 400, 'INSUFFICIENT_BALANCE');
    const all = (await t.app.inject({ url: '/api/trading/orders', headers: me.headers })).json() as OrdersResponse;
    expect(all.orders).toEqual([]);
  });

  it('when a repeat of an IOC order carries another timeInForce, then it is DUPLICATE_CLIENT_ORDER_ID', async () => {
    const me = await newTrader(t.app);
    const body = { symbol: 'BTCUSDT', type: 'LIMIT', timeInForce: 'IOC', quantity: '0.1', price: '49000', clientOrderId: 'tif-1' };
    await placed(await order(t.app, me, 'buy', body));
    await placed(await order(t.app, me, 'buy', body), 200);
    expectProblem(await order(t.app, me, 'buy', { ...body, timeInForce: 'FOK' }), 409, 'DUPLICATE_CLIENT_ORDER_ID');
  });

  it.each([
    ['timeInForce on a MARKET order', { symbol: 'BTCUSDT', quantity: '0.1', timeInForce: 'IOC' }],
    ['timeInForce on a LIMIT_MAKER', { symbol: 'BTCUSDT', type: 'LIMIT_MAKER', quantity: '0.1', price: '40000', timeInForce: 'GTC' }],
    ['an unknown timeInForce', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.1', price: '40000', timeInForce: 'GTD' }],
    ['a STOP_LOSS_LIMIT without price', { symbol: 'BTCUSDT', type: 'STOP_LOSS_LIMIT', quantity: '0.1', stopPrice: '60000' }],
  ])('when the body has %s, then it is 400 VALIDATION_FAILED', async (_why, body) => {
    const me = await newTrader(t.app);
    expectProblem(await order(t.app, me, 'buy', body), 400, 'VALIDATION_FAILED');
  });
});

describe('LIMIT_MAKER', () => {
  it('when a post-only buy would take the market, then it is 400 WOULD_MATCH_IMMEDIATELY and nothing is held', async () => {
    const me = await newTrader(t.app);
    const problem = expectProblem(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT_MAKER', quantity: '0.1', price: '50000' }), 400, 'WOULD_MATCH_IMMEDIATELY');
    expect(problem.detail).toContain('would immediately match and take');
    expect((await portfolioOf(t.app, me)).reserved).toBe('0');
  });

  it('when a post-only buy rests and the price falls to it, then it fills at its price paying the maker fee', async () => {
    const me = await newTrader(t.app);
    await price('ETHUSDT', '2000');
    const { order: o } = await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', type: 'LIMIT_MAKER', quantity: '1', price: '1990' }));
    expect(o).toMatchObject({ status: 'NEW', type: 'LIMIT_MAKER', timeInForce: 'GTC' });
    expect((await portfolioOf(t.app, me)).reserved).toBe('1991.99'); // 1990 + the larger (taker) fee 1.99
    await price('ETHUSDT', '1985');
    const filled = await orderWhen(me, o.id, 'to fill', (x) => x.status === 'FILLED');
    expect(filled).toMatchObject({ avgFillPrice: '1990', fee: '0.398' });
    expect(await portfolioOf(t.app, me)).toMatchObject({ reserved: '0', cash: '98009.602' });
    await price('ETHUSDT', '2000');
  });
});

describe('stop-limits through the matcher', () => {
  it('when a sell stop-limit triggers with the price past its limit, then it rests as a limit and later fills there as maker', async () => {
    const me = await newTrader(t.app);
    await price('BTCUSDT', '50000');
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.1' }));
    const { order: o } = await placed(
      await order(t.app, me, 'sell', { symbol: 'BTCUSDT', type: 'STOP_LOSS_LIMIT', quantity: '0.1', stopPrice: '49000', price: '48900' }),
    );
    expect(o).toMatchObject({ status: 'NEW', timeInForce: 'GTC', triggeredAt: null, price: '48900', stopPrice: '49000' });
    expect((await portfolioOf(t.app, me)).positions[0]).toMatchObject({ quantity: '0.1', available: '0' });

    await price('BTCUSDT', '48500'); // through the stop and past the limit: the limit rests, unfilled
    const triggered = await orderWhen(me, o.id, 'to trigger', (x) => x.triggeredAt !== null);
    expect(triggered).toMatchObject({ status: 'NEW', filledQuantity: '0' });

    await price('BTCUSDT', '48950'); // back up through the 48900 limit: fills at it, as maker
    const filled = await orderWhen(me, o.id, 'to fill', (x) => x.status === 'FILLED');
    expect(filled).toMatchObject({ avgFillPrice: '48900', fee: '0.978' });
    await price('BTCUSDT', '50000');
  });

  it('when a buy stop-limit triggers with its limit marketable, then it takes the market at once as taker', async () => {
    const me = await newTrader(t.app);
    await price('ETHUSDT', '2000');
    const { order: o } = await placed(
      await order(t.app, me, 'buy', { symbol: 'ETHUSDT', type: 'STOP_LOSS_LIMIT', quantity: '1', stopPrice: '2100', price: '2150' }),
    );
    expect((await portfolioOf(t.app, me)).reserved).toBe('2152.15'); // the limit price, not the slipped stop
    await price('ETHUSDT', '2120');
    const filled = await orderWhen(me, o.id, 'to fill', (x) => x.status === 'FILLED');
    expect(filled).toMatchObject({ avgFillPrice: '2120', fee: '2.12' });
    expect(filled.triggeredAt).not.toBeNull();
    expect(await portfolioOf(t.app, me)).toMatchObject({ reserved: '0', cash: '97877.88' });
    await price('ETHUSDT', '2000');
  });

  it('when an IOC stop-limit triggers with the price past its limit, then it is EXPIRED and its reservation returns', async () => {
    const me = await newTrader(t.app);
    await price('ETHUSDT', '2000');
    const { order: o } = await placed(
      await order(t.app, me, 'buy', { symbol: 'ETHUSDT', type: 'TAKE_PROFIT_LIMIT', timeInForce: 'IOC', quantity: '1', stopPrice: '1900', price: '1850' }),
    );
    expect((await portfolioOf(t.app, me)).reserved).toBe('1851.85');
    await price('ETHUSDT', '1880');
    expect(await orderWhen(me, o.id, 'to expire', (x) => x.status !== 'NEW')).toMatchObject({ status: 'EXPIRED', filledQuantity: '0' });
    expect(await portfolioOf(t.app, me)).toMatchObject({ reserved: '0', cash: '100000' });
    await price('ETHUSDT', '2000');
  });

  it('when a triggered stop-limit is canceled, then everything it held returns', async () => {
    const me = await newTrader(t.app);
    await price('ETHUSDT', '2000');
    const { order: o } = await placed(
      await order(t.app, me, 'buy', { symbol: 'ETHUSDT', type: 'STOP_LOSS_LIMIT', quantity: '1', stopPrice: '2050', price: '2040' }),
    );
    await price('ETHUSDT', '2060');
    await orderWhen(me, o.id, 'to trigger', (x) => x.triggeredAt !== null);
    const canceled = await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${o.id}`, headers: me.headers });
    expect(canceled.json()).toMatchObject({ status: 'CANCELED' });
    expect(await portfolioOf(t.app, me)).toMatchObject({ reserved: '0', cash: '100000' });
    await price('ETHUSDT', '2000');
  });

  it('when a stop-limit is placed with its stop already reached, then it is WOULD_TRIGGER_IMMEDIATELY', async () => {
    const me = await newTrader(t.app);
    await price('BTCUSDT', '50000');
    expectProblem(
      await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'STOP_LOSS_LIMIT', quantity: '0.01', stopPrice: '49000', price: '49100' }),
      400,
      'WOULD_TRIGGER_IMMEDIATELY',
    );
  });
});
