/**
 * GET /api/market/depth through buildApp + inject: a Binance-sourced app against the fake
 * Binance (real HTTP, Binance's exact JSON), a simulator app, and a Binance app whose REST
 * endpoint is unreachable. The Binance source is never started: the route only needs REST.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app/build-app.js';
import type { Ports } from '../../kernel/ports.js';
import { loadConfig } from '../../config.js';
import { MemoryBus } from '../../ports/bus/memory-bus.js';
import { MemoryCache } from '../../ports/cache/memory-cache.js';
import type { DbPort } from '../../ports/db/db-port.js';
import { openPgliteDb } from '../../ports/db/pglite-db.js';
import { MemoryJobs } from '../../ports/jobs/memory-jobs.js';
import { freePort } from '../../testing/server-process.js';
import { testLogger } from './projector/testing/market-test-stack.js';
import { BinanceSource } from './sources/binance/binance-source.js';
import { createMarketSource } from './sources/create-market-source.js';
import { FakeBinanceServer } from './sources/testing/fake-binance-server.js';
import { MarketSymbols } from './symbols/symbol-registry.js';
import { marketModule } from './index.js';

const candle = { openTime: 1_776_000_000_000, open: '64000', high: '64010', low: '63990', close: '64000.5', volume: '3' };
const depthCalls = (fake: FakeBinanceServer) => fake.requests.filter((u) => u.pathname === '/api/v3/depth').length;

describe('market depth API', () => {
  let fake: FakeBinanceServer;
  let db: DbPort;
  const apps: { app: FastifyInstance; ports: Ports }[] = [];

  async function appWith(source: 'binance' | 'simulator', restUrl: string): Promise<FastifyInstance> {
    const config = loadConfig({ DATA_DIR: '/tmp/unused', JWT_SECRET: 'x'.repeat(32), MARKET_SOURCE: source, BINANCE_REST_URL: restUrl });
    const market =
      source === 'binance'
        ? new BinanceSource({ symbols: new MarketSymbols(['BTCUSDT', 'ETHUSDT']), wsUrl: fake.wsUrl, restUrl, logger: testLogger })
        : createMarketSource({ market: config.market, logger: testLogger });
    const ports: Ports = {
      db,
      cache: new MemoryCache(testLogger),
      bus: new MemoryBus({ logger: testLogger }),
      jobs: new MemoryJobs(testLogger),
      market,
    };
    const app = await buildApp(config, ports, { modules: [marketModule] });
    apps.push({ app, ports });
    return app;
  }

  let binance: FastifyInstance;
  let simulator: FastifyInstance;
  let unreachable: FastifyInstance;

  beforeAll(async () => {
    fake = await FakeBinanceServer.start({ BTCUSDT: [candle], ETHUSDT: [{ ...candle, close: '3100.25' }] }, 0);
    db = await openPgliteDb({ dataDir: null, logger: testLogger });
    binance = await appWith('binance', fake.restUrl);
    simulator = await appWith('simulator', fake.restUrl);
    unreachable = await appWith('binance', `http://127.0.0.1:${await freePort()}`);
  }, 60_000);

  afterAll(async () => {
    for (const { app, ports } of apps) {
      await app.close();
      await Promise.allSettled([ports.cache.close(), ports.bus.close(), ports.jobs.close(), ports.market.close()]);
    }
    await db?.close();
    await fake?.close();
  });

  it('when the source is Binance, then the book comes from /api/v3/depth with trailing zeros stripped, best price first', async () => {
    const res = await binance.inject('/api/market/depth?symbol=BTCUSDT&limit=3');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ symbol: 'BTCUSDT', source: 'binance', updatedAt: expect.any(Number) });
    expect(body.bids).toEqual([['64000.49', '0.25'], ['64000.48', '0.5'], ['64000.47', '0.75']]);
    expect(body.asks).toEqual([['64000.51', '0.25'], ['64000.52', '0.5'], ['64000.53', '0.75']]);
    const call = fake.requests.findLast((u) => u.pathname === '/api/v3/depth')!;
    expect(call.searchParams.get('symbol')).toBe('BTCUSDT');
    expect(call.searchParams.get('limit'), 'one deep book per symbol serves every limit').toBe('100');
  });

  it('when many clients ask within a second, then Binance is called once and every client gets the same book', async () => {
    const before = depthCalls(fake);
    const answers = await Promise.all([
      binance.inject('/api/market/depth?symbol=ETHUSDT'),
      binance.inject('/api/market/depth?symbol=ETHUSDT'),
    ]);
    const again = await binance.inject('/api/market/depth?symbol=ETHUSDT&limit=10');
    expect(depthCalls(fake) - before, 'REST calls to Binance for four requests within the cache window').toBe(1);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(answers[0]!.json()).toEqual(answers[1]!.json());
    expect(answers[0]!.json().bids).toHaveLength(20);
    expect(again.json().bids).toEqual(answers[0]!.json().bids.slice(0, 10));
  });

  it('when the source is the simulator, then 404 DEPTH_UNAVAILABLE says depth only comes from Binance', async () => {
    const before = depthCalls(fake);
    const res = await simulator.inject('/api/market/depth?symbol=BTCUSDT');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'DEPTH_UNAVAILABLE', detail: expect.stringContaining('only available from Binance') });
    expect(res.json().detail).toContain('simulator');
    expect(depthCalls(fake)).toBe(before);
  });

  it('when the symbol is unknown, then 404 UNKNOWN_SYMBOL; when the limit is out of range, then 400 VALIDATION_FAILED', async () => {
    const unknown = await binance.inject('/api/market/depth?symbol=DOGEUSDT');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('UNKNOWN_SYMBOL');
    for (const limit of ['0', '101', 'many']) {
      const bad = await binance.inject(`/api/market/depth?symbol=BTCUSDT&limit=${limit}`);
      expect(bad.statusCode, `limit=${limit}`).toBe(400);
      expect(bad.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('when Binance cannot be reached, then 503 SERVICE_UNAVAILABLE, not a 500', async () => {
    const res = await unreachable.inject('/api/market/depth?symbol=BTCUSDT');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: expect.stringContaining('order book') });
  });
});
