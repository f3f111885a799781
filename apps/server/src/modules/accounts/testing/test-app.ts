/**
 * Builds the app for the accounts suites on either backend: PGlite + memory cache (always)
 * or a throw-away PostgreSQL database + Redis under this run's prefix (when the services run).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { pino } from 'pino';
import { buildApp } from '../../../app/build-app.js';
import type { AppModule } from '../../../kernel/module.js';
import type { Ports } from '../../../kernel/ports.js';
import { loadConfig } from '../../../config.js';
import { createBus } from '../../../ports/bus/create-bus.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import { createCache } from '../../../ports/cache/create-cache.js';
import { deleteKeysWithPrefix } from '../../../ports/cache/delete-keys-with-prefix.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { openPgliteDb } from '../../../ports/db/pglite-db.js';
import { createPostgresDb } from '../../../ports/db/postgres-db.js';
import { createJobs } from '../../../ports/jobs/create-jobs.js';
import { createMarketSource } from '../../market/index.js';
import { RUN_ID, service } from '../../../testing/services.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { accountsModule } from '../index.js';

export const TEST_JWT_SECRET = 'test-secret-'.padEnd(40, 'x');
const silent = pino({ level: 'silent' });

export interface Backend {
  name: string;
  /** Undefined when the backend can run; else why its suite is skipped. */
  skipReason: string | undefined;
  /** Opens fresh storage (database + cache namespace); `shared` reuses one for several apps. */
  open(): Promise<Storage>;
}

export interface Storage {
  db: DbPort;
  /** A new cache client on the same namespace (each app instance gets its own, like replicas). */
  cache(): CachePort;
  close(): Promise<void>;
}

let namespace = 0;

export async function backends(): Promise<Backend[]> {
  const [pg, redis] = await Promise.all([service('postgres'), service('redis')]);
  const pglite: Backend = {
    name: 'PGlite + memory cache',
    skipReason: undefined,
    async open() {
      const db = await openPgliteDb({ dataDir: null, logger: silent });
      await db.migrate();
      // One memory cache per storage: in the embedded mode there is a single process.
      const cache = createCache({ keyPrefix: '', logger: silent });
      return { db, cache: () => cache, close: async () => void (await Promise.all([db.close(), cache.close()])) };
    },
  };
  const services: Backend = {
    name: 'PostgreSQL + Redis',
    skipReason: pg.skipReason ?? redis.skipReason,
    async open() {
      const database = await createTestDatabase(pg.url!);
      const db = createPostgresDb({ url: database.url, logger: silent });
      await db.migrate();
      const prefix = `test:${RUN_ID}:accounts:${++namespace}:`;
      const caches: CachePort[] = [];
      return {
        db,
        cache() {
          const cache = createCache({ redisUrl: redis.url!, keyPrefix: prefix, logger: silent });
          caches.push(cache);
          return cache;
        },
        async close() {
          await Promise.all(caches.map((c) => c.close()));
          await db.close();
          await database.drop();
          await deleteKeysWithPrefix(redis.url!, prefix);
        },
      };
    },
  };
  return [pglite, services];
}

export interface TestApp {
  app: FastifyInstance;
  ports: Ports;
  close(): Promise<void>;
}

/** An API process over `storage`; closing it leaves the storage to its owner. */
export async function startTestApp(storage: Storage, modules: AppModule[] = [accountsModule], env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-accounts-'));
  const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, ROLES: 'api', MARKET_SOURCE: 'simulator', TRUST_PROXY: 'true', ...env });
  const ports: Ports = {
    db: storage.db,
    cache: storage.cache(),
    bus: createBus({ topicPrefix: '', clientId: 'test', logger: silent }),
    jobs: createJobs({ keyPrefix: '', logger: silent }),
    market: createMarketSource({ market: config.market, logger: silent }),
  };
  const app = await buildApp(config, ports, { modules });
  await app.ready();
  return {
    app,
    ports,
    async close() {
      await app.close();
      await Promise.all([ports.bus.close(), ports.jobs.close(), ports.market.close()]);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A suite's set-up on one backend: opens its storage and an API process over it before the
 * suite's tests and closes both after them. Read `app` inside hooks and tests.
 */
export function suiteOn(backend: Backend): { readonly app: FastifyInstance; readonly storage: Storage } {
  let storage: Storage | undefined;
  let test: TestApp | undefined;
  beforeAll(async () => {
    storage = await backend.open();
    test = await startTestApp(storage);
  });
  afterAll(async () => {
    await test?.close();
    await storage?.close();
  });
  return {
    get app() {
      return test!.app;
    },
    get storage() {
      return storage!;
    },
  };
}
