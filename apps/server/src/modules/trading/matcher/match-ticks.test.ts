/**
 * The matcher end to end on the embedded ports: orders placed through the API, ticks
 * published on the in-process bus, the matcher's consumer group filling what they cross.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { MarketTopics } from '@cryptosim/contracts';
import { fills } from '../../../db/schema.js';
import type { Running } from '../../../kernel/module.js';
import { moduleContext } from '../../../app/module-context.js';
import { eventually } from '../../../testing/eventually.js';
import { setPrice } from '../../../testing/test-prices.js';
import { startTestApp, silent, type TestApp } from '../../../testing/test-app.js';
import { newTrader, order, orderOf, placed, portfolioOf, tickMessage, type Trader, TRADING_MODULES } from '../testing/trading-clients.js';
import { tradingDepsOf } from '../trading-deps-of.js';
import { createMatcher } from './match-ticks.js';
import { matcherEntryPoint } from './matcher-entry-point.js';

let t: TestApp;
let matcher: Running;

const ctx = () => ({ ...moduleContext({ config: t.config, ports: t.ports, logger: silent }), signal: new AbortController().signal });
const publish = (symbol: string, ...prices: string[]) => t.ports.bus.publish(MarketTopics.ticks, prices.map((p) => tickMessage(symbol, p)));
const settled = (me: Trader, id: number) => eventually(`order ${id} to leave NEW`, async () => {
  const o = await orderOf(t.app, me, id);
  return o.status === 'NEW' ? undefined : o;
});

beforeAll(async () => {
  t = await startTestApp({ modules: TRADING_MODULES, prices: { BTCUSDT: '50000', ETHUSDT: '2000' } });
  matcher = await matcherEntryPoint.start(ctx());
}, 60_000);

afterAll(async () => {
  await matcher.stop();
  await t.close();
});

describe('matcher', () => {
  it('when a tick falls through a resting limit buy, then it fills once at its limit as maker and the portfolio shows the position', async () => {
    const me = await newTrader(t.app);
    const { order: o } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.1', price: '49000' }));
    await publish('BTCUSDT', '49500');
    await publish('BTCUSDT', '48900', '48800');
    const filled = await settled(me, o.id);
    expect(filled).toMatchObject({ status: 'FILLED', avgFillPrice: '49000', filledQuantity: '0.1', fee: '4.9' });
    const p = await portfolioOf(t.app, me);
    expect(p).toMatchObject({ reserved: '0', cash: '95095.1' });
    expect(p.positions[0]).toMatchObject({ symbol: 'BTCUSDT', quantity: '0.1', avgPrice: '49000' });
    await publish('BTCUSDT', '48000');
    const fillRows = await t.ports.db.db.select().from(fills).where(eq(fills.orderId, o.id));
    expect(fillRows, 'one fill, however many ticks cross it').toHaveLength(1);
  });

  it('when the price falls to a stop-loss, then it sells at market as taker and books the loss', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quantity: '1' }));
    const { order: stop } = await placed(await order(t.app, me, 'sell', { symbol: 'ETHUSDT', type: 'STOP_LOSS', quantity: '1', stopPrice: '1900' }));
    await publish('ETHUSDT', '1950');
    await publish('ETHUSDT', '1850');
    expect(await settled(me, stop.id)).toMatchObject({ status: 'FILLED', avgFillPrice: '1850', fee: '1.85' });
    const history = (await t.app.inject({ url: '/api/trading/history?limit=1', headers: me.headers })).json() as { transactions: Array<{ realizedPnl: string }> };
    expect(history.transactions[0]?.realizedPnl).toBe('-151.85');
  });

  it('when the price gaps past a buy stop beyond what the account can pay, then the order is REJECTED and its reservation released', async () => {
    const me = await newTrader(t.app);
    await setPrice(t.ports.cache, 'BTCUSDT', '50000');
    // Reserves 1.5 × 60000 × 1.05 (slippage cap) + 0.1 % fee = 94594.5 of the 100000.
    const { order: stop } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'STOP_LOSS', quantity: '1.5', stopPrice: '60000' }));
    expect((await portfolioOf(t.app, me)).reserved).toBe('94594.5');
    await publish('BTCUSDT', '80000'); // 1.5 × 80000 = 120000: more than the whole account
    expect(await settled(me, stop.id)).toMatchObject({ status: 'REJECTED', rejectReason: 'INSUFFICIENT_BALANCE', filledQuantity: '0' });
    expect(await portfolioOf(t.app, me)).toMatchObject({ cash: '100000', reserved: '0', positions: [] });
    await publish('BTCUSDT', '50000');
  });

  it('when a batch fails after its fills and is delivered again, then nothing fills twice', async () => {
    const me = await newTrader(t.app);
    const { order: o } = await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', type: 'LIMIT', quantity: '0.5', price: '1500' }));
    const real = createMatcher(tradingDepsOf(ctx()));
    let deliveries = 0;
    // Crashes after settling its first batch, before the bus commits the offset.
    const crashing = t.ports.bus.consume({
      topics: [MarketTopics.ticks],
      groupId: 'matcher-crash-test',
      fromBeginning: false,
      handler: async (messages) => {
        await real(messages);
        deliveries += 1;
        if (deliveries === 1) throw new Error('simulated crash before the offset commit');
      },
    });
    const sub = await crashing;
    try {
      await publish('ETHUSDT', '1400');
      await eventually('the batch to be delivered again', async () => (deliveries >= 2 ? true : undefined));
      expect((await orderOf(t.app, me, o.id)).status).toBe('FILLED');
      const fillRows = await t.ports.db.db.select().from(fills).where(eq(fills.orderId, o.id));
      expect(fillRows, 'the redelivered tick found the order already filled').toHaveLength(1);
    } finally {
      await sub.close();
    }
  });
});
