/**
 * Test support for the trading and portfolio suites: an API process with the accounts,
 * trading and portfolio modules over a given database, in-memory cache, bus and jobs, and
 * a price the test controls by writing the ticker hash the way the projector does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { pino } from 'pino';
import type { Order, PlaceOrderRequest, PlaceOrderResponse, Portfolio, TickEventV1 } from '@cryptosim/contracts';
import { buildApp } from '../../../app/build-app.js';
import type { Ports } from '../../../kernel/ports.js';
import { loadConfig, type Config } from '../../../config.js';
import { MemoryBus } from '../../../ports/bus/memory-bus.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import { MemoryCache } from '../../../ports/cache/memory-cache.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { openPgliteDb } from '../../../ports/db/pglite-db.js';
import { MemoryJobs } from '../../../ports/jobs/memory-jobs.js';
import { accountsModule } from '../../accounts/index.js';
import { bearer, registerUser } from '../../accounts/testing/clients.js';
import { createMarketSource, tickerKey, type TickerHash } from '../../market/index.js';
import { portfolioModule } from '../../portfolio/index.js';
import { tradingModule } from '../index.js';

export const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
export const TEST_SECRET = 'trading-test-secret-'.padEnd(40, 'x');

export interface TradingTestApp {
  app: FastifyInstance;
  ports: Ports;
  config: Config;
  close(): Promise<void>;
}

/** SLIPPAGE_K=0 by default so fill prices are the ticker price exactly; pass env to change. */
export async function startTradingApp(db: DbPort, env: Record<string, string> = {}, cache: CachePort = new MemoryCache(silent)): Promise<TradingTestApp> {
  const config = loadConfig({ DATA_DIR: '/tmp/cs-trading-unused', JWT_SECRET: TEST_SECRET, ROLES: 'api', MARKET_SOURCE: 'simulator', SLIPPAGE_K: '0', TRUST_PROXY: 'true', ...env });
  const ports: Ports = {
    db,
    cache,
    bus: new MemoryBus({ logger: silent, backoff: { initialMs: 10, maxMs: 50 } }),
    jobs: new MemoryJobs(silent),
    market: createMarketSource({ market: config.market, logger: silent }),
  };
  const app = await buildApp(config, ports, { modules: [accountsModule, tradingModule, portfolioModule] });
  await app.ready();
  return {
    app,
    ports,
    config,
    async close() {
      await app.close();
      await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), cache.close()]);
    },
  };
}

/** Writes the latest ticker as the projector would (fresh updatedAt). */
export async function setPrice(cache: CachePort, symbol: string, price: string, volume24h = '100000000'): Promise<void> {
  const hash: Record<keyof TickerHash, string> = {
    symbol,
    price,
    open24h: price,
    high24h: price,
    low24h: price,
    volume24h,
    changePercent24h: '0',
    updatedAt: String(Date.now()),
    source: 'simulator',
  };
  await cache.hset(tickerKey(symbol), hash);
}

/**
 * The usual suite set-up: a fresh in-memory PGlite, migrated, the app over it, and these live
 * prices. Its close() also closes the database.
 */
export async function startPgliteTradingApp(prices: Record<string, string>, env: Record<string, string> = {}): Promise<TradingTestApp> {
  const db = await openPgliteDb({ dataDir: null, logger: silent });
  await db.migrate();
  const t = await startTradingApp(db, env);
  for (const [symbol, price] of Object.entries(prices)) await setPrice(t.ports.cache, symbol, price);
  return {
    ...t,
    async close() {
      await t.close();
      await db.close();
    },
  };
}

export interface Trader {
  id: number;
  token: string;
  headers: Record<string, string>;
}

export async function newTrader(app: FastifyInstance): Promise<Trader> {
  const user = await registerUser(app);
  return { id: user.user.id, token: user.accessToken, headers: bearer(user.accessToken) };
}

export function order(app: FastifyInstance, trader: Trader, side: 'buy' | 'sell', body: Partial<PlaceOrderRequest> | Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/trading/${side}`, headers: trader.headers, payload: body });
}

export async function placed(res: LightMyRequestResponse, status = 201): Promise<PlaceOrderResponse> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as PlaceOrderResponse;
}

export async function portfolioOf(app: FastifyInstance, trader: Trader): Promise<Portfolio> {
  const res = await app.inject({ method: 'GET', url: '/api/portfolio', headers: trader.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Portfolio;
}

export async function orderOf(app: FastifyInstance, trader: Trader, id: number): Promise<Order> {
  const res = await app.inject({ method: 'GET', url: `/api/trading/orders/${id}`, headers: trader.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Order;
}

let seq = 0;

/** A market.ticks message as ingest publishes it. */
export function tickMessage(symbol: string, price: string, volume24h = '100000000'): { key: string; value: string } {
  const tick: TickEventV1 = { v: 1, source: 'simulator', symbol, price, open24h: price, high24h: price, low24h: price, volume24h, eventTime: Date.now(), seq: seq++ };
  return { key: symbol, value: JSON.stringify(tick) };
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
