/**
 * Two API processes (real `npm start` servers) on one PostgreSQL database and one Redis, racing
 * for one account, as the two API replicas of a deployment do. Each process group-commits its
 * own orders, so only the database's row locks keep the two processes' transactions from
 * spending the same cash or coins twice: every race below must end exactly as some serial order
 * of the same requests would. Skipped without DATABASE_URL and REDIS_URL (a failure under CI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Order, PlaceOrderResponse } from '@cryptosim/contracts';
import { fills, orders, positions, users } from '../../db/schema.js';
import { loadConfig } from '../../config.js';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { DbPort } from '../../ports/db/db-port.js';
import type { MarketSource } from '../../ports/market/market-source.js';
import { createMarketSource } from '../market/index.js';
import { Announcements } from '../../kernel/announcements.js';
import { startServerProcess, type ServerProcess } from '../../testing/server-process.js';
import { tradingConfig } from './domain/trading-config.js';
import { snapshotOf } from './live-market.js';
import { settleCrossedOrder } from './matcher/settle-crossed-order.js';
import { setPrice } from '../../testing/test-prices.js';
import { silent, TEST_JWT_SECRET, testBackend, type TestStorage } from '../../testing/test-app.js';
import type { TradingDeps } from './trading-deps.js';

const services = await testBackend('services');

interface Answer {
  status: number;
  body: { code?: string; order?: Order } & Record<string, unknown>;
}

interface Trader {
  id: number;
  headers: Record<string, string>;
}

let ipCounter = 0;
const newIp = () => {
  ipCounter += 1;
  return `10.77.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
};

async function call(base: string, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}

const outcome = (a: Answer) => (a.status === 201 || a.status === 200 ? String(a.status) : `${a.status} ${a.body.code}`);

function tally(answers: Answer[]): Record<string, number> {
  const count: Record<string, number> = {};
  for (const a of answers) count[outcome(a)] = (count[outcome(a)] ?? 0) + 1;
  return count;
}

describe.skipIf(services.skipReason)('trading across two API processes on one PostgreSQL', () => {
  let storage: TestStorage;
  let db: DbPort;
  let cache: CachePort;
  let market: MarketSource;
  let a: ServerProcess;
  let b: ServerProcess;
  const servers = () => [a.url, b.url];

  const newTrader = async (): Promise<Trader> => {
    const name = `xproc_${process.pid}_${ipCounter}_${Date.now().toString(36)}`;
    const res = await call(a.url, 'POST', '/api/auth/register', { 'x-forwarded-for': newIp() }, { username: name, email: `${name}@example.com`, password: 'correct horse battery' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { user, accessToken } = res.body as unknown as { user: { id: number }; accessToken: string };
    return { id: user.id, headers: { authorization: `Bearer ${accessToken}` } };
  };
  const place = (base: string, trader: Trader, side: 'buy' | 'sell', body: Record<string, unknown>) => call(base, 'POST', `/api/trading/${side}`, trader.headers, body);
  const accountOf = async (id: number) => (await db.db.select().from(users).where(eq(users.id, id)))[0]!;
  const positionOf = async (id: number) => (await db.db.select().from(positions).where(eq(positions.userId, id)))[0];
  const fillsOf = async (orderId: number) => db.db.select().from(fills).where(eq(fills.orderId, orderId));
  const deps = (): TradingDeps => ({
    db: db.db,
    dbPort: db,
    announcements: new Announcements(),
    cache,
    symbols: () => market.symbols,
    config: tradingConfig({ slippageK: '0' }),
    logger: silent,
  });

  beforeAll(async () => {
    // Migrated here once, so the two servers do not race to create the schema.
    storage = await services.open({ poolSize: 10 });
    db = storage.db;
    cache = storage.cache();
    const { databaseUrl, redisUrl, keyPrefix } = storage.services!;
    market = createMarketSource({ market: loadConfig({ MARKET_SOURCE: 'simulator' }).market, logger: silent });
    await setPrice(cache, 'BTCUSDT', '50000');
    const env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      CACHE_KEY_PREFIX: keyPrefix,
      JWT_SECRET: TEST_JWT_SECRET,
      ROLES: 'api',
      MARKET_SOURCE: 'simulator',
      SLIPPAGE_K: '0',
      TRUST_PROXY: 'true',
    };
    // One after the other: the first start builds whatever is stale, the second finds it built.
    a = await startServerProcess(env);
    b = await startServerProcess(env);
  }, 240_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await market?.close();
    await storage?.close();
  });

  it('when both processes take market buys for one account at once beyond its cash, then exactly the cash covers fill', async () => {
    for (let round = 0; round < 4; round++) {
      const me = await newTrader();
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => place(servers()[i % 2]!, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.1' })));
      // Each costs 5000 + 5 fee: 100000 / 5005 buys 19, whichever process takes which.
      expect(tally(answers), `round ${round}`).toEqual({ '201': 19, '400 INSUFFICIENT_BALANCE': 21 });
      const account = await accountOf(me.id);
      expect([Number(account.balance), Number(account.reservedBalance)], `round ${round}: cash and reserved`).toEqual([100000 - 19 * 5005, 0]);
      expect(Number((await positionOf(me.id))?.quantity), `round ${round}: coins bought`).toBe(1.9);
    }
  });

  it('when both processes take sells for one account at once beyond its coins, then exactly the coins held are sold or reserved', async () => {
    for (let round = 0; round < 4; round++) {
      const me = await newTrader();
      expect((await place(a.url, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.5' })).status).toBe(201);
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          place(servers()[i % 2]!, me, 'sell', i % 4 < 2 ? { symbol: 'BTCUSDT', quantity: '0.02' } : { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.02', price: '60000' }),
        ),
      );
      expect(tally(answers), `round ${round}`).toEqual({ '201': 25, '400 INSUFFICIENT_POSITION': 15 });
      const soldAtMarket = answers.filter((x) => x.status === 201 && x.body.order?.type === 'MARKET').length;
      const position = (await positionOf(me.id))!;
      expect(Number(position.quantity), `round ${round}: coins left after ${soldAtMarket} market sells`).toBeCloseTo(0.5 - soldAtMarket * 0.02, 12);
      expect(Number(position.reservedQuantity), `round ${round}: every coin left is reserved by a limit sell`).toBeCloseTo(0.5 - soldAtMarket * 0.02, 12);
    }
  });

  it('when both processes get the same clientOrderId at once, then one order is placed and both answers name it', async () => {
    const me = await newTrader();
    for (let round = 0; round < 10; round++) {
      const body = { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: `race-${round}` };
      const [first, second] = await Promise.all([place(a.url, me, 'buy', body), place(b.url, me, 'buy', body)]);
      expect([first, second].map(outcome).sort(), `round ${round}`).toEqual(['200', '201']);
      expect(first.body.order?.id, `round ${round}: both answers name one order`).toBe(second.body.order?.id);
      const stored = await db.db.select().from(orders).where(sql`${orders.userId} = ${me.id} and ${orders.clientOrderId} = ${body.clientOrderId}`);
      expect(stored.length, `round ${round}: orders stored`).toBe(1);
      expect((await fillsOf(stored[0]!.id)).length, `round ${round}: fills`).toBe(1);
    }
    // Ten buys of 0.01 at 50000 (500 + 0.5 fee each), each paid once.
    expect(Number((await accountOf(me.id)).balance)).toBe(100000 - 10 * 500.5);
  });

  it('when a cancel on one process races a matcher fill in another, then every order ends as exactly one of them', async () => {
    const me = await newTrader();
    const outcomes = { filled: 0, canceled: 0 };
    for (let i = 0; i < 24; i++) {
      const placedAnswer = await place(a.url, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '49000' });
      expect(placedAnswer.status, JSON.stringify(placedAnswer.body)).toBe(201);
      const id = (placedAnswer.body as unknown as PlaceOrderResponse).order.id;
      const cancel = () => call(b.url, 'DELETE', `/api/trading/orders/${id}`, me.headers);
      const fill = () => settleCrossedOrder(deps(), id, me.id, snapshotOf('48000', '1000000'));
      // Most iterations start both at once (the race); every fourth lets one side finish first,
      // so both outcomes are always exercised whatever the scheduling.
      let canceled: Answer;
      let filled: Awaited<ReturnType<typeof fill>>;
      if (i % 4 === 1) {
        canceled = await cancel();
        filled = await fill();
      } else if (i % 4 === 3) {
        filled = await fill();
        canceled = await cancel();
      } else {
        [canceled, filled] = await Promise.all([cancel(), fill()]);
      }
      const stored = (await db.db.select().from(orders).where(eq(orders.id, id)))[0]!;
      const fills = (await fillsOf(id)).length;
      if (canceled.status === 200) {
        expect([filled.kind, stored.status, fills], `iteration ${i}`).toEqual(['skipped', 'CANCELED', 0]);
        outcomes.canceled += 1;
      } else {
        expect([canceled.status, canceled.body.code, filled.kind, stored.status, fills], `iteration ${i}`).toEqual([409, 'ORDER_NOT_CANCELABLE', 'filled', 'FILLED', 1]);
        outcomes.filled += 1;
      }
      expect(Number((await accountOf(me.id)).reservedBalance), `iteration ${i}: nothing stays reserved`).toBe(0);
    }
    expect(outcomes.filled, 'fills won some').toBeGreaterThan(0);
    expect(outcomes.canceled, 'cancels won some').toBeGreaterThan(0);
    // Every fill paid 490 + 0.49 fee at 49000 (a resting limit buy fills at its limit price or better).
    const fillRows = await db.db.select().from(fills).where(eq(fills.userId, me.id));
    const spent = fillRows.reduce((sum, f) => sum + Number(f.totalAmount) + Number(f.fee), 0);
    expect(Number((await accountOf(me.id)).balance)).toBeCloseTo(100000 - spent, 8);
  });

  it('when a reset on one process races buys on the other, then the account is as if one ran wholly before the other', async () => {
    for (let round = 0; round < 6; round++) {
      const me = await newTrader();
      expect((await place(a.url, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.1' })).status).toBe(201);
      const [reset, ...buys] = await Promise.all([
        call(a.url, 'POST', '/api/portfolio/reset', me.headers),
        ...Array.from({ length: 4 }, () => place(b.url, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.1' })),
      ]);
      expect(reset!.status, JSON.stringify(reset!.body)).toBe(200);
      expect(tally(buys), `round ${round}`).toEqual({ '201': 4 });
      const account = await accountOf(me.id);
      expect(account.run, `round ${round}: one reset`).toBe(2);
      // Buys committed after the reset belong to run 2 and are all the new run holds.
      const runs = await db.db.select({ run: orders.run }).from(orders).where(eq(orders.userId, me.id));
      const afterReset = runs.filter((r) => r.run === 2).length;
      expect(runs.length, `round ${round}: orders`).toBe(5);
      expect(Number(account.balance), `round ${round}: cash after ${afterReset} buys in the new run`).toBe(100000 - afterReset * 5005);
      expect(Number((await positionOf(me.id))?.quantity ?? 0), `round ${round}: coins of the new run`).toBeCloseTo(afterReset * 0.1, 12);
    }
  });
});
