/**
 * GET /api/market/trades through buildApp + inject: a Binance-sourced app against the fake
 * Binance (real HTTP, Binance's exact JSON), a simulator app, and a Binance app whose REST
 * endpoint is unreachable. The Binance source is never started: the route only needs REST.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../../app/build-app.js';
import type { Ports } from '../../../kernel/ports.js';
import { loadConfig } from '../../../config.js';
import { MemoryBus } from '../../../ports/bus/memory-bus.js';
import { MemoryCache } from '../../../ports/cache/memory-cache.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { openPgliteDb } from '../../../ports/db/pglite-db.js';
import { MemoryJobs } from '../../../ports/jobs/memory-jobs.js';
import { freePort } from '../../../testing/server-process.js';
import { testLogger } from '../projector/testing/market-test-stack.js';
import { BinanceSource } from '../sources/binance/binance-source.js';
import { createMarketSource } from '../sources/create-market-source.js';
import { FakeBinanceServer } from '../sources/testing/fake-binance-server.js';
import { MarketSymbols } from '../symbols/symbol-registry.js';
import { marketModule } from '../index.js';

const candle = { openTime: 1_776_000_000_000, open: '64000', high: '64010', low: '63990', close: '64000.5', volume: '3' };
const tradeCalls = (fake: FakeBinanceServer) => fake.requests.filter((u) => u.pathname === '/api/v3/trades').length;

describe('market recent trades API', () => {
  let fake: FakeBinanceServer;
  let db: DbPort;
  const apps: { app: FastifyInstance; ports: Ports }[] = [];

  /** `wsUrl`: where the live tape's trade stream is; by default nowhere, so REST serves every request. */
  async function appWith(source: 'binance' | 'simulator', restUrl: string, wsUrl = `ws://127.0.0.1:${closedPort}`): Promise<FastifyInstance> {
    const config = loadConfig({ DATA_DIR: '/tmp/unused', JWT_SECRET: 'x'.repeat(32), MARKET_SOURCE: source, BINANCE_REST_URL: restUrl, BINANCE_WS_URL: wsUrl });
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
  let streaming: FastifyInstance;
  let simulator: FastifyInstance;
  let unreachable: FastifyInstance;
  let closedPort: number;

  beforeAll(async () => {
    fake = await FakeBinanceServer.start({ BTCUSDT: [candle], ETHUSDT: [{ ...candle, close: '3100.25' }] }, 0);
    db = await openPgliteDb({ dataDir: null, logger: testLogger });
    closedPort = await freePort();
    binance = await appWith('binance', fake.restUrl);
    streaming = await appWith('binance', fake.restUrl, fake.wsUrl);
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

  it('when the source is Binance, then the tape comes from /api/v3/trades, newest first, trimmed', async () => {
    const res = await binance.inject('/api/market/trades?symbol=BTCUSDT&limit=2');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ symbol: 'BTCUSDT', source: 'binance', updatedAt: expect.any(Number) });
    // The fake's 100 prints step up a cent to the close (64000.5); the newest is the last it sends.
    expect(body.trades).toEqual([
      { id: expect.any(Number), price: '64000.5', quantity: '0.1', time: candle.openTime + 99, buyerMaker: true },
      { id: expect.any(Number), price: '64000.49', quantity: '0.099', time: candle.openTime + 98, buyerMaker: false },
    ]);
    expect(body.trades[0].id).toBeGreaterThan(body.trades[1].id);
    const call = fake.requests.findLast((u) => u.pathname === '/api/v3/trades')!;
    expect(call.searchParams.get('limit'), 'one deep tape per symbol serves every limit').toBe('100');
  });

  it('when many clients ask within a second, then Binance is called once and every client gets the same tape', async () => {
    const before = tradeCalls(fake);
    const answers = await Promise.all([binance.inject('/api/market/trades?symbol=ETHUSDT'), binance.inject('/api/market/trades?symbol=ETHUSDT')]);
    const again = await binance.inject('/api/market/trades?symbol=ETHUSDT&limit=5');
    expect(tradeCalls(fake) - before, 'REST calls to Binance for three requests within the cache window').toBe(1);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(answers[0]!.json()).toEqual(answers[1]!.json());
    expect(answers[0]!.json().trades).toHaveLength(30);
    expect(again.json().trades).toEqual(answers[0]!.json().trades.slice(0, 5));
  });

  it('when the source is the simulator, then 404 TRADES_UNAVAILABLE says the tape only comes from Binance', async () => {
    const before = tradeCalls(fake);
    const res = await simulator.inject('/api/market/trades?symbol=BTCUSDT');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'TRADES_UNAVAILABLE', detail: expect.stringContaining('only available from Binance') });
    expect(tradeCalls(fake)).toBe(before);
  });

  it('when the symbol is unknown, then 404 UNKNOWN_SYMBOL; when the query is bad, then 400 VALIDATION_FAILED', async () => {
    const unknown = await binance.inject('/api/market/trades?symbol=DOGEUSDT');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('UNKNOWN_SYMBOL');
    for (const query of ['symbol=BTCUSDT&limit=0', 'symbol=BTCUSDT&limit=101', 'symbol=BTCUSDT&limit=many', 'limit=5', 'symbol=btc-usdt', 'symbol=BTCUSDT&since=1']) {
      const bad = await binance.inject(`/api/market/trades?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().code).toBe('VALIDATION_FAILED');
    }
  });

  it('when Binance cannot be reached, then 503 SERVICE_UNAVAILABLE, not a 500', async () => {
    const res = await unreachable.inject('/api/market/trades?symbol=BTCUSDT');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', detail: expect.stringContaining('recent trades') });
  });

  it("when the trade stream is up, then the tape is the stream's: a print sent on it is served at once, on top of the REST seed", async () => {
    const sockets = fake.openSockets;
    const first = await streaming.inject('/api/market/trades?symbol=BTCUSDT&limit=3');
    expect(first.statusCode, 'the first request is served from REST while the stream opens').toBe(200);
    const seededTop = first.json().trades[0];
    // A print is only seen by a socket that is open: wait for the tape's.
    await vi.waitFor(() => expect(fake.openSockets).toBeGreaterThan(sockets), { timeout: 15_000, interval: 20 });
    fake.sendTrade('BTCUSDT', { id: 9_000_001, price: '64003.75', qty: '0.004', time: candle.openTime + 500, buyerMaker: false });
    await vi.waitFor(
      async () => {
        const res = await streaming.inject('/api/market/trades?symbol=BTCUSDT&limit=3');
        expect(res.json().trades[0]).toEqual({ id: 9_000_001, price: '64003.75', quantity: '0.004', time: candle.openTime + 500, buyerMaker: false });
        expect(res.json().trades[1]).toEqual(seededTop);
      },
      { timeout: 15_000, interval: 50 },
    );
  });
});
