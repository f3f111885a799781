/**
 * The one way a server test gets an app: `startTestApp(options)` builds the Fastify app with the
 * modules and roles asked for, over ports on either backend:
 * - embedded: in-memory PGlite, memory cache, MemoryJobs (always available);
 * - services: a throw-away PostgreSQL database, Redis and BullMQ under this run's key prefix
 *   (skipped locally without them, a failure under CI: testing/services.ts).
 * The bus is always in-process (suites that need Kafka build their own). close() stops the app
 * and removes what it made: the database, the Redis keys, the data directory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { pino } from 'pino';
import { buildApp } from '../app/build-app.js';
import { moduleContext } from '../app/module-context.js';
import { startRoles } from '../app/roles.js';
import { loadConfig, type Config, type Role } from '../config.js';
import type { AppModule, Running } from '../kernel/module.js';
import { Readiness, type Ports } from '../kernel/ports.js';
import { MemoryBus } from '../ports/bus/memory-bus.js';
import type { CachePort } from '../ports/cache/cache-port.js';
import { createCache } from '../ports/cache/create-cache.js';
import { deleteKeysWithPrefix } from '../ports/cache/delete-keys-with-prefix.js';
import type { DbPort } from '../ports/db/db-port.js';
import { openPgliteDb } from '../ports/db/pglite-db.js';
import { createPostgresDb } from '../ports/db/postgres-db.js';
import { createJobs } from '../ports/jobs/create-jobs.js';
import type { JobsPort } from '../ports/jobs/jobs-port.js';
import { accountsModule } from '../modules/accounts/index.js';
import { bearer, registerUser, type TestUser } from '../modules/accounts/testing/clients.js';
import { createMarketSource } from '../modules/market/index.js';
import { jobsModule } from '../modules/jobs/index.js';
import { testKeyPrefix } from './run-scope.js';
import { service } from './services.js';
import { setPrice } from './test-prices.js';
import { createTestDatabase } from './test-database.js';

export const TEST_JWT_SECRET = 'test-secret-'.padEnd(40, 'x');
/** Silent unless TEST_LOG_LEVEL says otherwise. */
export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export type BackendKind = 'embedded' | 'services';

export interface TestBackend {
  kind: BackendKind;
  /** For suite titles: "PGlite + memory" or "PostgreSQL + Redis". */
  name: string;
  /** Undefined when the backend can run; else why its suites are skipped. */
  skipReason: string | undefined;
  /** Fresh storage: a new database and cache namespace. */
  open(options?: { poolSize?: number }): Promise<TestStorage>;
}

/** A database and a cache namespace that one or more apps (replicas) share. */
export interface TestStorage {
  kind: BackendKind;
  db: DbPort;
  /** On services, for a child server process on the same storage. */
  services?: { databaseUrl: string; redisUrl: string; keyPrefix: string };
  /** A cache client on the namespace: a new one per call on Redis (one per replica), the one memory cache embedded. */
  cache(): CachePort;
  /** A jobs port on the namespace (BullMQ on services), new per call. */
  jobs(): JobsPort;
  /** Closes the database and removes it and the namespace's keys. */
  close(): Promise<void>;
}

let namespaces = 0;

/** Both backends, for `for (const backend of await testBackends()) describe.skipIf(backend.skipReason)(...)`. */
export async function testBackends(): Promise<TestBackend[]> {
  return [await testBackend('embedded'), await testBackend('services')];
}

export async function testBackend(kind: BackendKind): Promise<TestBackend> {
  if (kind === 'embedded') {
    return {
      kind,
      name: 'PGlite + memory',
      skipReason: undefined,
      async open() {
        const db = await openPgliteDb({ dataDir: null, logger: silent });
        await db.migrate();
        // One memory cache per storage: embedded, there is a single process.
        const cache = createCache({ keyPrefix: '', logger: silent });
        return {
          kind,
          db,
          cache: () => cache,
          jobs: () => createJobs({ keyPrefix: '', logger: silent }),
          close: async () => void (await Promise.all([db.close(), cache.close()])),
        };
      },
    };
  }
  const [pg, redis] = await Promise.all([service('postgres'), service('redis')]);
  return {
    kind,
    name: 'PostgreSQL + Redis',
    skipReason: pg.skipReason ?? redis.skipReason,
    async open(options = {}) {
      const database = await createTestDatabase(pg.url!);
      const db = createPostgresDb({ url: database.url, logger: silent, ...(options.poolSize && { poolSize: options.poolSize }) });
      await db.migrate();
      const keyPrefix = testKeyPrefix(`app${++namespaces}`);
      const clients: Array<CachePort | JobsPort> = [];
      const made = <T extends CachePort | JobsPort>(client: T): T => (clients.push(client), client);
      return {
        kind,
        db,
        services: { databaseUrl: database.url, redisUrl: redis.url!, keyPrefix },
        cache: () => made(createCache({ redisUrl: redis.url!, keyPrefix, logger: silent })),
        jobs: () => made(createJobs({ redisUrl: redis.url!, keyPrefix, logger: silent })),
        async close() {
          await Promise.allSettled(clients.map((c) => c.close()));
          try {
            await db.close();
          } finally {
            await database.drop();
            await deleteKeysWithPrefix(redis.url!, keyPrefix);
          }
        },
      };
    },
  };
}

export interface TestAppOptions {
  /**
   * Where the data lives: a backend (kind or object; fresh storage, removed when the app
   * closes), or storage the caller opened and closes, shared by several apps as by replicas.
   * Default: embedded.
   */
  on?: BackendKind | TestBackend | TestStorage;
  /** The modules besides accounts, which every app has (tests sign users in). Default: none. */
  modules?: AppModule[];
  /**
   * The process's roles. Default: api. The entry points of the other roles start (the worker
   * role brings the jobs module, whose job runner it needs); the api role's do not.
   * With the worker role, the symbols are BTCUSDT and ETHUSDT and no job is scheduled
   * unless `env` says so, so jobs run only when a test enqueues them.
   */
  roles?: Role[];
  /** Config overrides (environment variable names). SLIPPAGE_K is 0 unless set here. */
  env?: Record<string, string>;
  /** Live prices, written as the projector writes the ticker. */
  prices?: Record<string, string>;
  /** Registers a user first: `user` and `headers` are theirs. */
  user?: boolean;
  /** The app's request logger (testing/log-capture.ts); silent unless given. */
  logger?: pino.Logger;
}

export interface SignedInUser extends TestUser {
  headers: Record<string, string>;
}

export interface TestApp {
  app: FastifyInstance;
  ports: Ports;
  config: Config;
  storage: TestStorage;
  /** The user of `user: true`. */
  user: SignedInUser | undefined;
  /** The user's bearer header, or none. */
  headers: Record<string, string>;
  /** Registers a new user through the API. */
  signUp(): Promise<SignedInUser>;
  close(): Promise<void>;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { storage, ownsStorage } = await storageFor(options.on ?? 'embedded');
  const roles = options.roles ?? ['api'];
  const worker = roles.includes('worker');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-test-app-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: TEST_JWT_SECRET,
    ROLES: roles.join(','),
    MARKET_SOURCE: 'simulator',
    TRUST_PROXY: 'true',
    SLIPPAGE_K: '0',
    ...(worker && { MARKET_SYMBOLS: 'BTCUSDT,ETHUSDT', JOB_MARKET_DATA_EVERY_MS: '0', JOB_SCORE_PREDICTIONS_EVERY_MS: '0' }),
    ...options.env,
  });
  const ports: Ports = {
    db: storage.db,
    cache: storage.cache(),
    bus: new MemoryBus({ logger: silent, backoff: { initialMs: 10, maxMs: 50 } }),
    jobs: storage.jobs(),
    market: createMarketSource({ market: config.market, logger: silent }),
  };
  const modules = unique([accountsModule, ...(worker ? [jobsModule] : []), ...(options.modules ?? [])]);
  const abort = new AbortController();
  let running: Running[] = [];
  const app = await buildApp(config, ports, { modules, ...(options.logger && { logger: options.logger }) });
  const close = async () => {
    abort.abort();
    for (const r of running.reverse()) await r.stop();
    await app.close();
    await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), ports.cache.close()]);
    if (ownsStorage) await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await app.ready();
    for (const [symbol, price] of Object.entries(options.prices ?? {})) await setPrice(ports.cache, symbol, price);
    const started = new Set(roles.filter((r) => r !== 'api'));
    if (started.size > 0) {
      const ctx = moduleContext({ config: { ...config, roles: started }, ports, logger: silent, readiness: new Readiness() }, modules);
      running = await startRoles({ ...ctx, signal: abort.signal }, modules);
    }
    const signUp = async (): Promise<SignedInUser> => {
      const user = await registerUser(app);
      return { ...user, headers: bearer(user.accessToken) };
    };
    const user = options.user ? await signUp() : undefined;
    return { app, ports, config, storage, user, headers: user?.headers ?? {}, signUp, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * One app for a describe block: started before its tests, closed after them. Read `app` (and
 * the rest) inside hooks and tests.
 */
export function testAppForSuite(options: TestAppOptions = {}): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  const get = () => {
    if (!started) throw new Error('the suite app is read before beforeAll started it');
    return started;
  };
  return new Proxy({} as TestApp, { get: (_, key) => get()[key as keyof TestApp] });
}

async function storageFor(on: BackendKind | TestBackend | TestStorage): Promise<{ storage: TestStorage; ownsStorage: boolean }> {
  if (typeof on === 'object' && 'db' in on) return { storage: on, ownsStorage: false };
  const backend = typeof on === 'string' ? await testBackend(on) : on;
  if (backend.skipReason) throw new Error(`the ${backend.name} backend cannot run: ${backend.skipReason}`);
  return { storage: await backend.open(), ownsStorage: true };
}

function unique(modules: AppModule[]): AppModule[] {
  return [...new Set(modules)];
}
