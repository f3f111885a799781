/**
 * Against real PostgreSQL and Redis (skipped without them, a failure under CI): concurrent
 * orders of one user, fills racing cancels, and a matcher that dies midway through a batch and
 * restarts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { MarketTopics } from '@cryptosim/contracts';
import { fills, users } from '../../db/schema.js';
import type { Database } from '../../ports/db/db-port.js';
import { moduleContext } from '../../app/module-context.js';
import { snapshotOf } from './live-market.js';
import { createMatcher } from './matcher/match-ticks.js';
import { settleCrossedOrder } from './matcher/settle-crossed-order.js';
import { eventually } from '../../testing/eventually.js';
import { setPrice } from '../../testing/test-prices.js';
import { startTestApp, silent, testBackend, type TestApp, type TestStorage } from '../../testing/test-app.js';
import { newTrader, order, orderOf, placed, portfolioOf, tickMessage, TRADING_MODULES } from './testing/trading-clients.js';
import { tradingDepsOf } from './trading-deps-of.js';

/** Runs `a` and `b` at once (a race), or one of them to its end before the other starts. */
async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>, how: 'race' | 'a first' | 'b first'): Promise<[A, B]> {
  if (how === 'a first') {
    const first = await a();
    return [first, await b()];
  }
  if (how === 'b first') {
    const second = await b();
    return [await a(), second];
  }
  return Promise.all([a(), b()]);
}

const services = await testBackend('services');

const codes = (answers: LightMyRequestResponse[]) => {
  const count: Record<string, number> = {};
  for (const a of answers) {
    const key = a.statusCode === 201 ? '201' : `${a.statusCode} ${(a.json() as { code: string }).code}`;
    count[key] = (count[key] ?? 0) + 1;
  }
  return count;
};

describe.skipIf(services.skipReason)('trading on PostgreSQL under concurrency', () => {
  let storage: TestStorage;
  let t: TestApp;
  const deps = () => tradingDepsOf(moduleContext({ config: t.config, ports: t.ports, logger: silent }));
  const cashOf = async (id: number) => (await storage.db.db.select().from(users).where(eq(users.id, id)))[0]!;

  beforeAll(async () => {
    storage = await services.open({ poolSize: 20 });
    t = await startTestApp({ on: storage, modules: TRADING_MODULES, prices: { BTCUSDT: '50000' } });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await storage?.close();
  });

  it('when one user sends 50 market buys at once with cash for 19, then exactly 19 fill and the rest are INSUFFICIENT_BALANCE', async () => {
    const me = await newTrader(t.app);
    const answers = await Promise.all(Array.from({ length: 50 }, () => order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.1' })));
    // Each costs 5000 + 5 fee: 100000 / 5005 buys 19.
    expect(codes(answers)).toEqual({ '201': 19, '400 INSUFFICIENT_BALANCE': 31 });
    const row = await cashOf(me.id);
    expect(Number(row.balance)).toBe(100000 - 19 * 5005);
    expect(Number(row.reservedBalance)).toBe(0);
    expect((await portfolioOf(t.app, me)).positions[0]?.quantity).toBe('1.9');
  });

  it('when batches hold one order each (ORDER_BATCH_MAX=1), then 50 buys at once in separate transactions still fill exactly the 19 the cash covers', async () => {
    // Each placement is its own transaction, two in flight at once: only the user row lock
    // keeps two of them from spending the same cash.
    const single = await startTestApp({ on: storage, modules: TRADING_MODULES, env: { ORDER_BATCH_MAX: '1' } });
    try {
      await setPrice(single.ports.cache, 'BTCUSDT', '50000');
      const me = await newTrader(single.app);
      const answers = await Promise.all(Array.from({ length: 50 }, () => order(single.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.1' })));
      expect(codes(answers)).toEqual({ '201': 19, '400 INSUFFICIENT_BALANCE': 31 });
      const row = await cashOf(me.id);
      expect([Number(row.balance), Number(row.reservedBalance)]).toEqual([100000 - 19 * 5005, 0]);
    } finally {
      await single.close();
    }
  });

  it('when one user sends 50 sells at once, half market and half limit, for coins covering 25, then exactly 25 are accepted', async () => {
    const me = await newTrader(t.app);
    await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.5' }));
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        order(t.app, me, 'sell', i % 2 === 0 ? { symbol: 'BTCUSDT', quantity: '0.02' } : { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.02', price: '60000' }),
      ),
    );
    expect(codes(answers)).toEqual({ '201': 25, '400 INSUFFICIENT_POSITION': 25 });
    const position = (await portfolioOf(t.app, me)).positions[0];
    const soldAtMarket = answers.filter((a) => a.statusCode === 201 && (a.json() as { order: { type: string } }).order.type === 'MARKET').length;
    expect(position?.available, 'every coin is sold or reserved, none twice').toBe('0');
    expect(Number(position?.quantity)).toBeCloseTo(0.5 - soldAtMarket * 0.02, 12);
  });

  it('when a matcher fill races a cancel, then every time the order ends as exactly one of them', async () => {
    const me = await newTrader(t.app);
    const outcomes = { filled: 0, canceled: 0 };
    for (let i = 0; i < 40; i++) {
      const { order: o } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '49000' }));
      // Half the iterations start both at once (the real race, won by either side depending
      // on scheduling); the others run one side to its end first, so both outcomes are always
      // exercised, whatever the machine's timing.
      const [cancel, fill] = await both(
        () => t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${o.id}`, headers: me.headers }),
        () => settleCrossedOrder(deps(), o.id, me.id, snapshotOf('48000', '1000000')),
        i % 4 === 1 ? 'b first' : i % 4 === 3 ? 'a first' : 'race',
      );
      const fillRows = await storage.db.db.select().from(fills).where(eq(fills.orderId, o.id));
      const final = await orderOf(t.app, me, o.id);
      if (cancel.statusCode === 200) {
        expect([fill.kind, final.status, fillRows.length], `iteration ${i}`).toEqual(['skipped', 'CANCELED', 0]);
        outcomes.canceled += 1;
      } else {
        expect([cancel.statusCode, (cancel.json() as { code: string }).code, fill.kind, final.status, fillRows.length], `iteration ${i}`).toEqual([409, 'ORDER_NOT_CANCELABLE', 'filled', 'FILLED', 1]);
        outcomes.filled += 1;
      }
      expect(Number((await cashOf(me.id)).reservedBalance), `iteration ${i}: nothing stays reserved`).toBe(0);
    }
    // Both outcomes happened, so the exactly-one check above was exercised both ways.
    expect(outcomes.filled, 'fills won some races').toBeGreaterThan(0);
    expect(outcomes.canceled, 'cancels won some races').toBeGreaterThan(0);
  });

  it('when the matcher dies midway through a batch and restarts, then every crossed order fills exactly once', async () => {
    const traders = await Promise.all(Array.from({ length: 3 }, () => newTrader(t.app)));
    const ids: number[] = [];
    for (const trader of traders) {
      for (const price of ['49000', '49500', '49900']) {
        ids.push((await placed(await order(t.app, trader, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price }))).order.id);
      }
    }
    // The first process commits two fills, then every database call fails: it is gone.
    let transactionsLeft = 2;
    let failures = 0;
    const real = deps().db;
    const dying = new Proxy(real, {
      get(target, prop) {
        if (prop === 'transaction') {
          return (...args: Parameters<Database['transaction']>) => {
            if (transactionsLeft-- <= 0) throw new Error('process killed');
            return target.transaction(...args);
          };
        }
        const value = Reflect.get(target, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const group = 'matcher-restart-test';
    await t.ports.bus.ensureTopics([{ name: MarketTopics.ticks, partitions: 1 }]);
    const first = createMatcher({ ...deps(), db: dying });
    const dead = await t.ports.bus.consume({
      topics: [MarketTopics.ticks],
      groupId: group,
      fromBeginning: false,
      handler: async (messages) => {
        try {
          await first(messages);
        } catch (err) {
          failures += 1;
          throw err;
        }
      },
    });
    await t.ports.bus.publish(MarketTopics.ticks, [tickMessage('BTCUSDT', '48000')]);
    await eventually('the first matcher to die', async () => (failures > 0 ? true : undefined));
    await dead.close();
    const filledBefore = await storage.db.db.select({ n: sql<number>`count(*)::int` }).from(fills).where(sql`${fills.orderId} in ${ids}`);
    expect(filledBefore[0]?.n, 'the first process filled two orders before it died').toBe(2);

    const restarted = await t.ports.bus.consume({ topics: [MarketTopics.ticks], groupId: group, fromBeginning: false, handler: createMatcher(deps()) });
    try {
      await eventually('every crossed order to fill', async () => {
        const statuses = await Promise.all(ids.map(async (id) => (await storage.db.db.select({ n: sql<number>`count(*)::int` }).from(fills).where(and(eq(fills.orderId, id))))[0]!.n));
        return statuses.every((n) => n >= 1) ? statuses : undefined;
      }).then((counts) => expect(counts, 'one fill per order').toEqual(ids.map(() => 1)));
      for (const trader of traders) expect(Number((await cashOf(trader.id)).reservedBalance)).toBe(0);
    } finally {
      await restarted.close();
    }
  });
});
