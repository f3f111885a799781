import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { createBus } from '../ports/bus/create-bus.js';
import { createCache } from '../ports/cache/create-cache.js';
import { createDb } from '../ports/db/create-db.js';
import { createJobs } from '../ports/jobs/create-jobs.js';
import { createMarketSource } from '../modules/market/index.js';
import type { Ports } from '../kernel/ports.js';

/** Picks each port's implementation from config (docs/DESIGN.md's table); nothing else knows which. */
export async function createPorts(config: Config, logger: Logger): Promise<Ports> {
  const db = await createDb({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    dataDir: config.dataDir,
    logger: logger.child({ port: 'db' }),
  });
  const cache = createCache({ redisUrl: config.redisUrl, keyPrefix: config.cacheKeyPrefix, logger: logger.child({ port: 'cache' }) });
  const bus = createBus({
    kafkaBrokers: config.kafkaBrokers,
    topicPrefix: config.kafkaTopicPrefix,
    clientId: config.kafkaClientId,
    logger: logger.child({ port: 'bus' }),
  });
  const jobs = createJobs({ redisUrl: config.redisUrl, keyPrefix: config.cacheKeyPrefix, logger: logger.child({ port: 'jobs' }) });
  const market = createMarketSource({ market: config.market, logger: logger.child({ port: 'market' }) });
  return { db, cache, bus, jobs, market };
}

export async function closePorts(ports: Ports): Promise<void> {
  // Jobs first (they use the others), the database last (everything may write to it).
  await ports.jobs.close().catch(() => undefined);
  await ports.market.close().catch(() => undefined);
  await Promise.allSettled([ports.bus.close(), ports.cache.close()]);
  await ports.db.close().catch(() => undefined);
}
