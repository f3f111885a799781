/**
 * Test support for the job suites: an API + worker process over either backend, so a job
 * runs through the real jobs port and its runs are read back over HTTP.
 * - embedded: PGlite, memory cache, MemoryJobs (always);
 * - services: a throw-away PostgreSQL database, Redis, BullMQ under this run's prefix.
 * The market source is the simulator (deterministic history), no schedule unless the env says so.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { pino } from 'pino';
import type { JobRunView, JobRunsResponse } from '@cryptosim/contracts';
import { buildApp } from '../../../app/build-app.js';
import type { AppModule } from '../../../kernel/module.js';
import { Readiness, type Ports } from '../../../kernel/ports.js';
import { startRoles } from '../../../app/roles.js';
import { moduleContext } from '../../../app/module-context.js';
import { loadConfig, type Config } from '../../../config.js';
import { MemoryBus } from '../../../ports/bus/memory-bus.js';
import { deleteKeysWithPrefix } from '../../../ports/cache/delete-keys-with-prefix.js';
import { createCache } from '../../../ports/cache/create-cache.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { openPgliteDb } from '../../../ports/db/pglite-db.js';
import { createPostgresDb } from '../../../ports/db/postgres-db.js';
import { BullmqJobs } from '../../../ports/jobs/bullmq-jobs.js';
import { MemoryJobs } from '../../../ports/jobs/memory-jobs.js';
import { RUN_ID, service } from '../../../testing/services.js';
import { createTestDatabase } from '../../../testing/test-database.js';
import { accountsModule } from '../../accounts/index.js';
import { bearer, registerUser } from '../../accounts/testing/clients.js';
import { createMarketSource } from '../../market/index.js';
import { eventually } from '../../../ports/cache/cache-port.contract.js';
import { jobsModule } from '../index.js';
import { listRuns } from '../job-run-repository.js';

const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const SECRET = 'jobs-test-secret-'.padEnd(40, 'x');

export interface WorkerTestApp {
  app: FastifyInstance;
  ports: Ports;
  config: Config;
  /** A signed-in user's headers. */
  headers: Record<string, string>;
  close(): Promise<void>;
}

export interface WorkerBackend {
  name: string;
  skipReason: string | undefined;
  /** An api+worker process whose worker entry points of `modules` have started. */
  start(modules: AppModule[], env?: Record<string, string>): Promise<WorkerTestApp>;
}

let namespace = 0;

export async function workerBackends(): Promise<WorkerBackend[]> {
  const [pg, redis] = await Promise.all([service('postgres'), service('redis')]);
  const embedded: WorkerBackend = {
    name: 'PGlite + MemoryJobs',
    skipReason: undefined,
    async start(modules, env) {
      const db = await openPgliteDb({ dataDir: null, logger: silent });
      await db.migrate();
      return startWorker(db, { cache: createCache({ keyPrefix: '', logger: silent }), jobs: new MemoryJobs(silent) }, modules, env, () => db.close());
    },
  };
  const services: WorkerBackend = {
    name: 'PostgreSQL + Redis + BullMQ',
    skipReason: pg.skipReason ?? redis.skipReason,
    async start(modules, env) {
      const database = await createTestDatabase(pg.url!);
      const db = createPostgresDb({ url: database.url, logger: silent });
      await db.migrate();
      const prefix = `test:${RUN_ID}:jobs-module:${++namespace}:`;
      const cache = createCache({ redisUrl: redis.url!, keyPrefix: prefix, logger: silent });
      const jobs = new BullmqJobs({ url: redis.url!, keyPrefix: prefix, logger: silent });
      return startWorker(db, { cache, jobs }, modules, env, async () => {
        await db.close();
        await database.drop();
        await deleteKeysWithPrefix(redis.url!, prefix);
      });
    },
  };
  return [embedded, services];
}

async function startWorker(
  db: DbPort,
  parts: Pick<Ports, 'cache' | 'jobs'>,
  modules: AppModule[],
  env: Record<string, string> = {},
  closeStorage: () => Promise<void>,
): Promise<WorkerTestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-jobs-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    JWT_SECRET: SECRET,
    ROLES: 'api,worker',
    MARKET_SOURCE: 'simulator',
    MARKET_SYMBOLS: 'BTCUSDT,ETHUSDT',
    TRUST_PROXY: 'true',
    JOB_MARKET_DATA_EVERY_MS: '0',
    JOB_SCORE_PREDICTIONS_EVERY_MS: '0',
    ...env,
  });
  const ports: Ports = {
    db,
    ...parts,
    bus: new MemoryBus({ logger: silent }),
    market: createMarketSource({ market: config.market, logger: silent }),
  };
  const all = [accountsModule, jobsModule, ...modules.filter((m) => m !== jobsModule)];
  const app = await buildApp(config, ports, { modules: all });
  await app.ready();
  const abort = new AbortController();
  const running = await startRoles({ ...moduleContext({ config: { ...config, roles: new Set(['worker']) }, ports, logger: silent, readiness: new Readiness() }, all), signal: abort.signal }, all);
  const user = await registerUser(app);
  return {
    app,
    ports,
    config,
    headers: bearer(user.accessToken),
    async close() {
      abort.abort();
      for (const r of running.reverse()) await r.stop();
      await app.close();
      await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), ports.cache.close()]);
      await closeStorage();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function jobRuns(t: WorkerTestApp, query = ''): Promise<JobRunView[]> {
  const res = await t.app.inject({ url: `/api/jobs/runs${query}`, headers: t.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as JobRunsResponse).runs;
}

/**
 * Waits until `name` has `count` finished runs, and returns its runs (newest first) as the
 * API lists them. The wait reads the table, so polling never meets the API's rate limits.
 */
export async function finishedRuns(t: WorkerTestApp, name: string, count = 1, timeoutMs = 30_000): Promise<JobRunView[]> {
  const finished = async () => (await listRuns(t.ports.db.db, { name, limit: 500 })).filter((r) => r.status !== 'running').length;
  await eventually(`${count} finished run(s) of ${name}`, async () => (await finished()) >= count, timeoutMs);
  return jobRuns(t, `?name=${name}`);
}
