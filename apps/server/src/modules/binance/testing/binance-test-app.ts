/**
 * Test support for the Binance surface: the trading test app (in-memory PGlite, memory cache,
 * prices the test writes as the projector would) with the Binance module added.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { pino } from 'pino';
import { buildApp } from '../../../app/build-app.js';
import { loadConfig } from '../../../config.js';
import type { Ports } from '../../../kernel/ports.js';
import { MemoryBus } from '../../../ports/bus/memory-bus.js';
import { MemoryCache } from '../../../ports/cache/memory-cache.js';
import { openPgliteDb } from '../../../ports/db/pglite-db.js';
import { MemoryJobs } from '../../../ports/jobs/memory-jobs.js';
import { accountsModule } from '../../accounts/index.js';
import { createMarketSource } from '../../market/index.js';
import { portfolioModule } from '../../portfolio/index.js';
import { tradingModule } from '../../trading/index.js';
import { setPrice } from '../../../testing/test-prices.js';
import { binanceModule } from '../index.js';

const silent = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export interface BinanceTestApp {
  app: FastifyInstance;
  ports: Ports;
  close(): Promise<void>;
}

export async function startBinanceApp(prices: Record<string, string>, env: Record<string, string> = {}): Promise<BinanceTestApp> {
  const db = await openPgliteDb({ dataDir: null, logger: silent });
  await db.migrate();
  const cache = new MemoryCache(silent);
  const config = loadConfig({ DATA_DIR: '/tmp/cs-binance-unused', JWT_SECRET: 'binance-test-secret-'.padEnd(40, 'x'), ROLES: 'api', MARKET_SOURCE: 'simulator', TRUST_PROXY: 'true', ...env });
  const ports: Ports = {
    db,
    cache,
    bus: new MemoryBus({ logger: silent, backoff: { initialMs: 10, maxMs: 50 } }),
    jobs: new MemoryJobs(silent),
    market: createMarketSource({ market: config.market, logger: silent }),
  };
  const app = await buildApp(config, ports, { modules: [accountsModule, tradingModule, portfolioModule, binanceModule] });
  await app.ready();
  for (const [symbol, price] of Object.entries(prices)) await setPrice(cache, symbol, price);
  return {
    app,
    ports,
    async close() {
      await app.close();
      await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), cache.close()]);
      await db.close();
    },
  };
}

/** Asserts Binance's error body and status. */
export function expectBinanceError(res: LightMyRequestResponse, status: number, code: number): { code: number; msg: string } {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type'], 'Binance errors are JSON, not problem+json').toMatch(/^application\/json/);
  const body = res.json() as { code: number; msg: string };
  expect(body, res.body).toEqual({ code, msg: expect.any(String) });
  return body;
}
