/**
 * Test support: the ports the market pipeline runs on, in either run mode — embedded
 * (in-process bus and cache, in-memory PGlite) or services (Kafka, Redis, PostgreSQL, each
 * isolated by RUN_ID) — plus the real Binance candles turned into bus events.
 */
import { pino } from 'pino';
import type { KlineEventV1 } from '@cryptosim/contracts';
import type { Ports } from '../../../../kernel/ports.js';
import { MemoryBus } from '../../../../ports/bus/memory-bus.js';
import { KafkaBus } from '../../../../ports/bus/kafka-bus.js';
import { MemoryCache } from '../../../../ports/cache/memory-cache.js';
import { RedisCache } from '../../../../ports/cache/redis-cache.js';
import { deleteKeysWithPrefix } from '../../../../ports/cache/delete-keys-with-prefix.js';
import { openPgliteDb } from '../../../../ports/db/pglite-db.js';
import { createPostgresDb } from '../../../../ports/db/postgres-db.js';
import { createTestDatabase } from '../../../../testing/test-database.js';
import { deleteTopicsWithPrefix, testKeyPrefix, testTopicPrefix } from '../../../../testing/run-scope.js';
import { RUN_ID } from '../../../../testing/services.js';
import type { CsvCandle } from '../../sources/replay/read-candle-csv.js';

export const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
export type PipelinePorts = Pick<Ports, 'db' | 'cache' | 'bus'>;

export interface TestStack {
  ports: PipelinePorts;
  close(): Promise<void>;
}

export async function embeddedStack(): Promise<TestStack> {
  const db = await openPgliteDb({ dataDir: null, logger: testLogger });
  await db.migrate();
  const ports = { db, cache: new MemoryCache(testLogger), bus: new MemoryBus({ logger: testLogger, backoff: { initialMs: 20, maxMs: 200 } }) };
  return { ports, close: () => closeAll(ports) };
}

let stacks = 0;

export async function servicesStack(urls: { postgres: string; redis: string; kafka: string }): Promise<TestStack> {
  stacks += 1;
  const prefix = testTopicPrefix(`market${stacks}`);
  const keyPrefix = testKeyPrefix(`market${stacks}`);
  const database = await createTestDatabase(urls.postgres);
  const db = createPostgresDb({ url: database.url, logger: testLogger });
  await db.migrate();
  const brokers = urls.kafka.split(',').map((b) => b.trim());
  const bus = new KafkaBus({
    brokers,
    topicPrefix: prefix,
    clientId: `test-${RUN_ID}`,
    logger: testLogger,
    consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 300, rebalanceTimeoutMs: 6_000, maxWaitTimeMs: 100, backoff: { initialMs: 50, maxMs: 500 } },
  });
  const ports = { db, cache: new RedisCache({ url: urls.redis, keyPrefix, logger: testLogger }), bus };
  return {
    ports,
    async close() {
      await closeAll(ports);
      await database.drop();
      await deleteKeysWithPrefix(urls.redis, keyPrefix);
      await deleteTopicsWithPrefix(urls.kafka, prefix);
    },
  };
}

async function closeAll(ports: PipelinePorts): Promise<void> {
  await Promise.allSettled([ports.bus.close(), ports.cache.close()]);
  await ports.db.close();
}

/**
 * The file's candles as the klines topic carries them: every closed minute, and before every
 * `liveEvery`-th one a live update of the same minute (so the projector sees both kinds).
 */
export function klineEvents(symbol: string, candles: CsvCandle[], liveEvery = 10): KlineEventV1[] {
  const events: KlineEventV1[] = [];
  candles.forEach((c, i) => {
    const base = { v: 1 as const, source: 'replay' as const, symbol, interval: '1m' as const, ...c };
    if (i % liveEvery === 0) {
      events.push({ ...base, high: c.open, low: c.open, close: c.open, volume: '0', closed: false, eventTime: c.openTime + 1_000 });
    }
    events.push({ ...base, closed: true, eventTime: c.openTime + 60_000 });
  });
  return events;
}
