/**
 * The API while Redis or PostgreSQL is down: orders, the portfolio and prices answer 503
 * SERVICE_UNAVAILABLE with Retry-After (not 500), and once Redis returns, prices are back
 * within 3 s. Uses a private redis-server and a TCP proxy in front of the shared PostgreSQL
 * (so cutting it affects only this app).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketTopics } from '@cryptosim/contracts';
import { buildApp } from './build-app.js';
import { loadConfig } from '../config.js';
import { OUTAGE_RETRY_AFTER_S } from '../kernel/outage.js';
import { registerUser } from '../modules/accounts/testing/clients.js';
import { createTickProjector } from '../modules/market/index.js';
import { createMarketSource } from '../modules/market/index.js';
import { tickMessage } from '../modules/trading/testing/trading-clients.js';
import { MemoryBus } from '../ports/bus/memory-bus.js';
import { RedisCache } from '../ports/cache/redis-cache.js';
import { createPostgresDb } from '../ports/db/postgres-db.js';
import { MemoryJobs } from '../ports/jobs/memory-jobs.js';
import type { Subscription } from '../ports/bus/bus-port.js';
import { RedisProcess, redisServerMissingReason } from '../testing/redis-process.js';
import { service } from '../testing/services.js';
import { TcpProxy } from '../testing/tcp-proxy.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import type { Ports } from '../kernel/ports.js';

const silent = pino({ level: 'silent' });
const MAX_RECONNECT_BACKOFF_MS = 1_000;
const PROJECTOR_SKIPPING = 'cache unavailable; skipping ticks until it returns';
const pg = await service('postgres');
const skipReason = pg.skipReason ?? redisServerMissingReason();
if (skipReason && (process.env.CI === 'true' || process.env.CI === '1')) throw new Error(`CI=true but the outage tests cannot run: ${skipReason}`);
if (skipReason) console.warn(`[skip] outage tests: ${skipReason}`);

/** Polls until `check` holds or the deadline passes; returns how long it took. */
async function within(what: string, ms: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > ms) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function expectUnavailable(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(503);
  expect(res.headers['content-type'], what).toContain('application/problem+json');
  expect(res.json().code, what).toBe('SERVICE_UNAVAILABLE');
  expect(res.headers['retry-after'], what).toBe(String(OUTAGE_RETRY_AFTER_S));
}

describe.skipIf(skipReason)('the API through Redis and PostgreSQL outages', () => {
  let redis: RedisProcess;
  let proxy: TcpProxy;
  let database: TestDatabase;
  let ports: Ports;
  let app: FastifyInstance;
  let dataDir: string;
  let feed: NodeJS.Timeout;
  let projector: Subscription;
  let headers: Record<string, string>;
  /** What the projector logged, and each reconnect delay the API's Redis client chose. */
  const projectorSaid: string[] = [];
  const reconnectDelays: number[] = [];

  const orderBody = { symbol: 'BTCUSDT', quoteAmount: '100' };
  const requests = {
    order: () => app.inject({ method: 'POST', url: '/api/trading/buy', headers, payload: orderBody }),
    portfolio: () => app.inject({ method: 'GET', url: '/api/portfolio', headers }),
    prices: () => app.inject('/api/market/prices?symbols=BTCUSDT'),
  };
  const pricesServed = async () => {
    const res = await requests.prices();
    return res.statusCode === 200 && (res.json() as { prices: unknown[] }).prices.length === 1;
  };

  beforeAll(async () => {
    redis = await RedisProcess.start();
    database = await createTestDatabase(pg.url!);
    const direct = new URL(database.url);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(database.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-outage-'));
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'outage-secret-'.padEnd(40, 'x'), ROLES: 'api', MARKET_SOURCE: 'simulator', SLIPPAGE_K: '0' });
    const db = createPostgresDb({ url: proxied.toString(), logger: silent, connectTimeoutMs: 1_000 });
    await db.migrate();
    ports = {
      db,
      cache: new RedisCache({ url: redis.url, keyPrefix: 'outage-api', logger: silent, connection: { maxBackoffMs: MAX_RECONNECT_BACKOFF_MS } }),
      bus: new MemoryBus({ logger: silent }),
      jobs: new MemoryJobs(silent),
      market: createMarketSource({ market: config.market, logger: silent }),
    };
    // The private client is the only place the reconnect backoff shows.
    (ports.cache as RedisCache)['link'].client.on('reconnecting', (delayMs: number) => reconnectDelays.push(delayMs));
    app = await buildApp(config, ports);
    await app.ready();
    // Ticks flow as in production: a feed publishes, the projector consumes into the cache.
    await ports.bus.ensureTopics([{ name: MarketTopics.ticks, partitions: 1 }]);
    projector = await ports.bus.consume({ topics: [MarketTopics.ticks], groupId: 'projector.ticks', handler: createTickProjector(ports.cache, pino({ level: 'info' }, { write: (line: string) => void projectorSaid.push((JSON.parse(line) as { msg: string }).msg) })) });
    feed = setInterval(() => void ports.bus.publish(MarketTopics.ticks, [tickMessage('BTCUSDT', '50000')]).catch(() => undefined), 200);
    const user = await registerUser(app);
    headers = { authorization: `Bearer ${user.accessToken}` };
    await within('first prices', 10_000, pricesServed);
  }, 60_000);

  afterAll(async () => {
    clearInterval(feed);
    await projector?.close();
    await app?.close();
    await Promise.allSettled([ports?.bus.close(), ports?.jobs.close(), ports?.market.close(), ports?.cache.close()]);
    await ports?.db.close();
    await proxy?.close();
    await database?.drop();
    await redis?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('when all is up, then an order, the portfolio and prices answer 2xx', async () => {
    expect((await requests.order()).statusCode).toBe(201);
    expect((await requests.portfolio()).statusCode).toBe(200);
    expect((await requests.prices()).statusCode).toBe(200);
  });

  it('when Redis is down, then orders, the portfolio and prices answer 503 with Retry-After; when it returns, prices are back within 3 s', async () => {
    await redis.stop();
    expectUnavailable(await requests.order(), 'order');
    expectUnavailable(await requests.portfolio(), 'portfolio');
    expectUnavailable(await requests.prices(), 'prices');
    // The worst moment to return: ticks are being skipped and the client retries at its slowest.
    await within('the projector skipping ticks and the client reconnecting at its longest backoff', 20_000, async () =>
      projectorSaid.includes(PROJECTOR_SKIPPING) && reconnectDelays.includes(MAX_RECONNECT_BACKOFF_MS),
    );
    await redis.start(); // empty: nothing was persisted
    const tookMs = await within('prices after Redis returned', 3_000, pricesServed);
    console.info(`prices back ${tookMs} ms after Redis accepted connections again`);
    expect((await requests.order()).statusCode).toBe(201);
  }, 30_000);

  it('when PostgreSQL is unreachable, then orders and the portfolio answer 503 with Retry-After; when it returns, they work again', async () => {
    await proxy.cut();
    expectUnavailable(await requests.order(), 'order');
    expectUnavailable(await requests.portfolio(), 'portfolio');
    await proxy.restore();
    await within('orders after PostgreSQL returned', 10_000, async () => (await requests.order()).statusCode === 201);
    expect((await requests.portfolio()).statusCode).toBe(200);
  }, 30_000);
});
