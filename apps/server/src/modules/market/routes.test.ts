/**
 * /api/market/* through buildApp + inject (embedded ports, simulator source). Prices and
 * candles get there the way they do in production: bus messages through the projector's
 * handlers into the cache and the database.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KlineEventV1, TickEventV1 } from '@cryptosim/contracts';
import { buildApp } from '../../app/build-app.js';
import type { Ports } from '../../kernel/ports.js';
import { loadConfig } from '../../config.js';
import type { BusMessage } from '../../ports/bus/bus-port.js';
import { MemoryBus } from '../../ports/bus/memory-bus.js';
import { MemoryCache } from '../../ports/cache/memory-cache.js';
import { openPgliteDb } from '../../ports/db/pglite-db.js';
import { MemoryJobs } from '../../ports/jobs/memory-jobs.js';
import { createMarketSource } from './sources/create-market-source.js';
import { testLogger } from './projector/testing/market-test-stack.js';
import { createKlineProjector } from './projector/project-klines.js';
import { createTickProjector } from './projector/project-ticks.js';
import { marketModule } from './index.js';
import { settleMarketWorld } from './world/settle-market-world.js';

const HOUR = 3_600_000;
const T0 = 1_776_000_000_000 - (1_776_000_000_000 % HOUR); // an hour boundary
let offset = 0n;
const asMessages = (topic: string, events: object[]): BusMessage[] =>
  events.map((e) => ({ topic, partition: 0, offset: offset++, timestamp: 0, key: 'k', value: JSON.stringify(e) }));

const tick = (symbol: string, price: string, eventTime: number): TickEventV1 => ({
  v: 1, source: 'simulator', symbol, price, open24h: '100', high24h: '120', low24h: '90', volume24h: '5000.5', eventTime, seq: 0,
});
const kline = (minute: number, close: string, closed = true): KlineEventV1 => ({
  v: 1, source: 'simulator', symbol: 'ETHUSDT', interval: '1m', openTime: T0 + minute * 60_000,
  open: '10', high: String(Number(close) + 1), low: '9', close, volume: '2', closed, eventTime: T0 + minute * 60_000 + 59_000,
});

describe('market REST API', () => {
  let app: FastifyInstance;
  let ports: Ports;

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: '/tmp/unused', JWT_SECRET: 'x'.repeat(32), MARKET_SOURCE: 'simulator' });
    const db = await openPgliteDb({ dataDir: null, logger: testLogger });
    await db.migrate();
    ports = {
      db,
      cache: new MemoryCache(testLogger),
      bus: new MemoryBus({ logger: testLogger }),
      jobs: new MemoryJobs(testLogger),
      market: createMarketSource({ market: config.market, logger: testLogger }),
    };
    app = await buildApp(config, ports, { modules: [marketModule] });
    const ticks = createTickProjector(ports.cache, testLogger);
    await ticks(asMessages('market.ticks', [tick('BTCUSDT', '110', Date.now()), tick('SOLUSDT', '95', Date.now() - 60_000)]));
    // Minutes 0..89 closed (one full hour and half of the next), minute 90 still forming.
    const klines = createKlineProjector(ports.db, ports.cache, testLogger);
    const closed = Array.from({ length: 90 }, (_, m) => kline(m, String(11 + m)));
    await klines(asMessages('market.klines', [...closed, kline(90, '200', false)]));
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await Promise.allSettled([ports.cache.close(), ports.bus.close(), ports.jobs.close(), ports.market.close()]);
    await ports?.db.close();
  });

  it('when /symbols is asked, then every configured symbol comes with its Binance filters', async () => {
    const res = await app.inject('/api/market/symbols');
    expect(res.statusCode).toBe(200);
    const symbols = res.json().symbols;
    expect(symbols.map((s: { symbol: string }) => s.symbol)).toContain('BTCUSDT');
    expect(symbols).toHaveLength(10);
    expect(symbols[0]).toMatchObject({ symbol: 'BTCUSDT', quoteAsset: 'USDT', tickSize: expect.stringMatching(/^0\.0*1$/) });
  });

  it('when /prices is asked for two symbols, then each row has 24h fields, the change and a stale flag after 10 s without updates', async () => {
    const res = await app.inject('/api/market/prices?symbols=BTCUSDT,SOLUSDT');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.source).toBe('simulator');
    expect(body.prices).toEqual([
      expect.objectContaining({ symbol: 'BTCUSDT', price: '110', open24h: '100', changePercent24h: '10', stale: false }),
      expect.objectContaining({ symbol: 'SOLUSDT', price: '95', changePercent24h: '-5', stale: true }),
    ]);
  });

  it('when /prices names no symbol, then every priced symbol is listed; an unknown one is 404 UNKNOWN_SYMBOL', async () => {
    const all = await app.inject('/api/market/prices');
    expect(all.json().prices.map((p: { symbol: string }) => p.symbol)).toEqual(['BTCUSDT', 'SOLUSDT']);
    const unknown = await app.inject('/api/market/prices?symbols=BTCUSDT,NOPEUSDT');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
  });

  it('when 1m history is asked, then stored candles come oldest first and the live minute is last', async () => {
    const res = await app.inject('/api/market/history?symbol=ETHUSDT&interval=1m&limit=3');
    expect(res.statusCode).toBe(200);
    expect(res.json().candles).toEqual([
      { openTime: T0 + 88 * 60_000, open: '10', high: '100', low: '9', close: '99', volume: '2' },
      { openTime: T0 + 89 * 60_000, open: '10', high: '101', low: '9', close: '100', volume: '2' },
      { openTime: T0 + 90 * 60_000, open: '10', high: '201', low: '9', close: '200', volume: '2' },
    ]);
  });

  it('when 1h history is asked, then the closed hour is rolled up and the current hour merges the live minute', async () => {
    const res = await app.inject('/api/market/history?symbol=ETHUSDT&interval=1h');
    expect(res.json().candles).toEqual([
      { openTime: T0, open: '10', high: '71', low: '9', close: '70', volume: '120' },
      // 30 closed minutes (60..89) plus the live one: its high and close, its volume added.
      { openTime: T0 + HOUR, open: '10', high: '201', low: '9', close: '200', volume: '62' },
    ]);
  });

  it('when startTime and endTime bound the range, then only candles inside it come back', async () => {
    const res = await app.inject(`/api/market/history?symbol=ETHUSDT&interval=5m&startTime=${T0 + 10 * 60_000}&endTime=${T0 + 20 * 60_000}`);
    expect(res.json().candles.map((c: { openTime: number }) => (c.openTime - T0) / 60_000)).toEqual([10, 15, 20]);
  });

  it.each([
    ['an unknown interval', 'symbol=ETHUSDT&interval=2m'],
    ['a limit over 1000', 'symbol=ETHUSDT&limit=1001'],
    ['a limit of 0', 'symbol=ETHUSDT&limit=0'],
    ['startTime after endTime', `symbol=ETHUSDT&startTime=${T0 + 1}&endTime=${T0}`],
    ['a missing symbol', 'interval=1h'],
  ])('when history is asked with %s, then 400 VALIDATION_FAILED', async (_what, query) => {
    const res = await app.inject(`/api/market/history?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: expect.any(Array) });
  });

  it('when history is asked for an unknown symbol, then 404 UNKNOWN_SYMBOL', async () => {
    const res = await app.inject('/api/market/history?symbol=NOPEUSDT');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('UNKNOWN_SYMBOL');
  });

  it('when /status is asked after the projector heard the feed, then it names the source and says connected', async () => {
    const res = await app.inject('/api/market/status');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ source: 'simulator', connected: true, lastEventAt: expect.any(Number) });
    expect(res.json().symbols).toHaveLength(10);
  });

  it('when the database’s world is settled, then /status and /readyz name it, with the feed’s own clock', async () => {
    const before = (await app.inject('/api/market/status')).json();
    expect(before.world, 'not decided yet').toBeNull();
    const market = loadConfig({ MARKET_SOURCE: 'simulator', SEED: 'status-test' }).market;
    await settleMarketWorld({ db: ports.db, cache: ports.cache, source: ports.market, market, mayDecide: true, logger: testLogger });
    const status = (await app.inject('/api/market/status')).json();
    expect(status.world).toEqual({ kind: 'simulated', seed: 'status-test', since: expect.any(Number) });
    expect(status.marketTime, 'the last tick’s own time').toEqual(expect.any(Number));
    const ready = (await app.inject('/readyz')).json();
    expect(ready.world).toEqual(status.world);
  });

  it('when the OpenAPI document is built, then the market routes are in it', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/market/symbols', '/api/market/prices', '/api/market/history', '/api/market/status']));
  });
});
