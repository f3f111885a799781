/**
 * The matcher as it runs in production: its own process (ROLES=projector) reading market.ticks
 * from Kafka, killed (SIGKILL) in the middle of filling a tick's crossed orders, then replaced
 * by a new process. Every crossed order must fill exactly once. Needs PostgreSQL, Redis and
 * Kafka (skipped without them locally, a failure under CI).
 *
 * The kill lands mid-fill by construction, not by timing: the test holds one trader's account
 * row locked, so the matcher fills the orders ahead of it in price-time priority and then
 * waits on that lock, inside its fill transaction, until it is killed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { MarketTopics } from '@cryptosim/contracts';
import { fills, orders, users } from '../../../db/schema.js';
import { KafkaBus } from '../../../ports/bus/kafka-bus.js';
import { eventually } from '../../../testing/eventually.js';
import { deleteTopicsWithPrefix, testTopicPrefix } from '../../../testing/run-scope.js';
import { service } from '../../../testing/services.js';
import { startServerProcess, type ServerProcess } from '../../../testing/server-process.js';
import { startTestApp, silent, TEST_JWT_SECRET, testBackend, type TestApp, type TestStorage } from '../../../testing/test-app.js';
import { newTrader, order, placed, tickMessage, TRADING_MODULES } from '../testing/trading-clients.js';

const services = await testBackend('services');
const kafka = await service('kafka');

describe.skipIf(services.skipReason ?? kafka.skipReason)('the matcher process on Kafka, killed mid-fill', () => {
  let storage: TestStorage;
  let t: TestApp;
  let bus: KafkaBus;
  const topicPrefix = testTopicPrefix('matcher-kill');
  const matchers: ServerProcess[] = [];
  const startMatcher = async () => {
    const matcher = await startServerProcess({
      DATABASE_URL: storage.services!.databaseUrl,
      REDIS_URL: storage.services!.redisUrl,
      KAFKA_BROKERS: kafka.url!,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      CACHE_KEY_PREFIX: storage.services!.keyPrefix,
      JWT_SECRET: TEST_JWT_SECRET,
      ROLES: 'projector',
      MARKET_SOURCE: 'simulator',
      SLIPPAGE_K: '0',
    });
    matchers.push(matcher);
    return matcher;
  };
  const fillCounts = async (ids: number[]) => {
    const rows = await storage.db.db
      .select({ orderId: fills.orderId, n: sql<number>`count(*)::int` })
      .from(fills)
      .where(inArray(fills.orderId, ids))
      .groupBy(fills.orderId);
    const byId = new Map(rows.map((r) => [r.orderId, r.n]));
    return ids.map((id) => byId.get(id) ?? 0);
  };
  /** Sends a crossing tick every half second until `done` holds: a new consumer group starts at the newest tick. */
  const tickUntil = async <T>(what: string, done: () => Promise<T | undefined>): Promise<T> => {
    let last = 0;
    return eventually(
      what,
      async () => {
        if (Date.now() - last > 500) {
          last = Date.now();
          await bus.publish(MarketTopics.ticks, [tickMessage('BTCUSDT', '48000')]);
        }
        return done();
      },
      60_000,
    );
  };

  beforeAll(async () => {
    storage = await services.open({ poolSize: 5 });
    t = await startTestApp({ on: storage, modules: TRADING_MODULES, prices: { BTCUSDT: '50000' } });
    bus = new KafkaBus({ brokers: kafka.url!.split(','), topicPrefix, clientId: 'matcher-kill-test', logger: silent });
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(matchers.map((m) => m.stop('SIGKILL')));
    await Promise.allSettled([bus?.close(), t?.close()]);
    await storage?.close();
    await deleteTopicsWithPrefix(kafka.url!, topicPrefix);
  });

  it('when the matcher process is killed while filling a tick and a new one takes over, then every crossed order fills exactly once', async () => {
    const [first, blocked] = [await newTrader(t.app), await newTrader(t.app)];
    // Buys fill highest price first: the first trader's three orders, then the blocked one's.
    const ahead: number[] = [];
    for (const price of ['49900', '49800', '49700']) {
      ahead.push((await placed(await order(t.app, first, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price }))).order.id);
    }
    const behind: number[] = [];
    for (const price of ['49000', '48900']) {
      behind.push((await placed(await order(t.app, blocked, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price }))).order.id);
    }
    const ids = [...ahead, ...behind];

    const lock = new pg.Client({ connectionString: storage.services!.databaseUrl });
    lock.on('error', () => undefined);
    await lock.connect();
    try {
      await lock.query('begin');
      await lock.query('select id from users where id = $1 for update', [blocked.id]);
      const doomed = await startMatcher();
      await tickUntil('the orders ahead of the locked account to fill', async () => ((await fillCounts(ahead)).every((n) => n === 1) ? true : undefined));
      // The matcher now waits on the lock for the next order: kill it there.
      await eventually('the matcher to wait on the locked account', async () => {
        const waiting = await lock.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
        return (waiting.rows[0] as { n: number }).n > 0 ? true : undefined;
      });
      await doomed.stop('SIGKILL');
      expect(await fillCounts(ids), 'filled before the kill: the orders ahead only').toEqual([1, 1, 1, 0, 0]);
    } finally {
      await lock.query('rollback').catch(() => undefined);
      await lock.end();
    }

    await startMatcher();
    const counts = await tickUntil('every crossed order to fill', async () => {
      const now = await fillCounts(ids);
      return now.every((n) => n >= 1) ? now : undefined;
    });
    expect(counts, 'one fill per order').toEqual(ids.map(() => 1));
    const statuses = await storage.db.db.select({ status: orders.status }).from(orders).where(inArray(orders.id, ids));
    expect(statuses.map((s) => s.status)).toEqual(ids.map(() => 'FILLED'));
    for (const trader of [first, blocked]) {
      const [row] = await storage.db.db.select().from(users).where(eq(users.id, trader.id));
      expect(Number(row!.reservedBalance), `user ${trader.id}: nothing stays reserved`).toBe(0);
    }
  }, 240_000);
});
