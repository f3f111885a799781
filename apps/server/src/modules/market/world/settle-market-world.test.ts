/**
 * One market per database, on PGlite (a DATA_DIR closed and opened again) and PostgreSQL:
 * the first start records the world, a configured source of another world is refused with
 * one line and nothing changes, `auto` keeps its first decision whether Binance is up or
 * down later, and prices or candles of another world are never read as this one's.
 */
import { sql } from 'drizzle-orm';
import { MarketTopics } from '@cryptosim/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { MemoryCache } from '../../../ports/cache/memory-cache.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { freePort } from '../../../testing/server-process.js';
import { service } from '../../../testing/services.js';
import { tickerKey } from '../projector/cache-layout.js';
import { testLogger } from '../projector/testing/market-test-stack.js';
import { createKlineProjector } from '../projector/project-klines.js';
import { upsertMinutes } from '../repository.js';
import { createMarketSource } from '../sources/create-market-source.js';
import { FakeBinanceServer } from '../sources/testing/fake-binance-server.js';
import { MarketWorldError, WORLD_SOURCE } from './market-world.js';
import { settleMarketWorld } from './settle-market-world.js';
import { pgliteInDataDir, postgresDatabase, type RestartableDb } from './testing/world-backends.js';
import { readWorld } from './world-store.js';

const pg = await service('postgres');
const row = (openTime: number) => ({ openTime, open: '1', high: '1', low: '1', close: '1', volume: '1' });

function worldSuite(mode: string, makeDb: () => Promise<RestartableDb>) {
  // Every start opens the database again (PGlite reads its files each time): slow on a busy machine.
  describe(`market world (${mode})`, { timeout: 180_000 }, () => {
    const cleanup: Array<() => Promise<unknown>> = [];
    afterEach(async () => {
      for (const c of cleanup.splice(0).reverse()) await c();
    });

    /** One start: a source from `env`, the world settled on the database. */
    async function start(database: RestartableDb, env: Record<string, string>, cache = new MemoryCache(testLogger)) {
      const db = await database.open();
      const market = loadConfig({ MARKET_SYMBOLS: 'BTCUSDT', ...env }).market;
      const source = createMarketSource({ market, logger: testLogger });
      const stop = async () => {
        await source.close();
        await cache.close();
        await db.close();
      };
      cleanup.push(stop);
      const settle = () => settleMarketWorld({ db, cache, source, market, mayDecide: true, logger: testLogger });
      return { db, cache, source, settle, stop: () => (cleanup.splice(cleanup.indexOf(stop), 1), stop()) };
    }

    async function database(): Promise<RestartableDb> {
      const d = await makeDb();
      cleanup.push(() => d.dispose());
      return d;
    }

    const candleCount = async (db: DbPort) =>
      Number(((await db.db.execute(sql`select count(*)::int as n from candles`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n);

    it('when a database of one world is started with another, then start-up refuses with one line naming both and how to start fresh, and nothing changes', async () => {
      const d = await database();
      const first = await start(d, { MARKET_SOURCE: 'simulator', SEED: 'one' });
      expect((await first.settle())?.world).toMatchObject({ kind: 'simulated', seed: 'one' });
      await upsertMinutes(first.db.db, [{ symbol: 'BTCUSDT', ...row(0) }]);
      await first.stop();

      const others: Array<Record<string, string>> = [{ MARKET_SOURCE: 'binance' }, { MARKET_SOURCE: 'simulator', SEED: 'two' }, { MARKET_SOURCE: 'auto', SEED: 'two' }];
      for (const env of others) {
        const again = await start(d, env);
        const refusal = await again.settle().then(() => undefined, (e: unknown) => e);
        expect(refusal, JSON.stringify(env)).toBeInstanceOf(MarketWorldError);
        const line = (refusal as Error).message;
        expect(line).not.toContain('\n');
        expect(line).toContain('the simulated market with SEED=one');
        expect(line).toContain(env.MARKET_SOURCE === 'binance' ? 'MARKET_SOURCE=binance' : 'SEED=two');
        expect(line).toMatch(/new DATA_DIR .* DATABASE_URL/);
        expect((await readWorld(again.db))?.world, 'the recorded world is unchanged').toMatchObject({ kind: 'simulated', seed: 'one' });
        expect(await candleCount(again.db), 'nothing is deleted').toBe(1);
        await again.stop();
      }
      const same = await start(d, { MARKET_SOURCE: 'simulator', SEED: 'one' });
      expect((await same.settle())?.world.kind, 'the same world starts').toBe('simulated');
    });

    it('when auto decided live, then later starts stay live with Binance down (stale, never simulated) and up', async () => {
      const fake = await FakeBinanceServer.start({ BTCUSDT: [row(0), row(60_000)] }, 0);
      cleanup.push(() => fake.close());
      const up = { MARKET_SOURCE: 'auto', BINANCE_REST_URL: fake.restUrl, BINANCE_WS_URL: fake.wsUrl };
      const dead = `http://127.0.0.1:${await freePort()}`;
      const down = { MARKET_SOURCE: 'auto', BINANCE_REST_URL: dead, BINANCE_WS_URL: dead.replace('http', 'ws') };
      const d = await database();

      const first = await start(d, up);
      expect((await first.settle())?.world.kind).toBe('live');
      await first.stop();

      const offline = await start(d, down);
      expect((await offline.settle())?.world.kind, 'Binance down: the world stays live').toBe('live');
      await offline.source.start({ onTick: () => undefined, onKline: () => undefined });
      expect(offline.source.impl, 'no switch to the simulator').toBe('binance');
      expect(await offline.source.health(), '/readyz says why').toMatchObject({ ok: false, error: expect.stringMatching(/Binance/) });
      await offline.stop();

      const online = await start(d, up);
      expect((await online.settle())?.world.kind).toBe('live');
      expect(online.source.impl).toBe('binance');
    });

    it('when auto decided simulated, then a later start with Binance up stays simulated and never connects', async () => {
      const fake = await FakeBinanceServer.start({ BTCUSDT: [row(0), row(60_000)] }, 0);
      cleanup.push(() => fake.close());
      const dead = `http://127.0.0.1:${await freePort()}`;
      const d = await database();

      const offline = await start(d, { MARKET_SOURCE: 'auto', BINANCE_REST_URL: dead, BINANCE_WS_URL: dead.replace('http', 'ws') });
      expect((await offline.settle())?.world).toMatchObject({ kind: 'simulated', seed: 'cryptosim' });
      await offline.stop();

      const online = await start(d, { MARKET_SOURCE: 'auto', BINANCE_REST_URL: fake.restUrl, BINANCE_WS_URL: fake.wsUrl });
      expect((await online.settle())?.world.kind, 'Binance up: the world stays simulated').toBe('simulated');
      await online.source.start({ onTick: () => undefined, onKline: () => undefined });
      expect(online.source.impl).toBe('simulator');
      expect(fake.connectionsOpened, 'no stream opened to Binance').toBe(0);
      expect(fake.requests.map((u) => u.pathname), 'no call to Binance at all').toEqual([]);
    });

    it('when the cache holds another world’s prices, then settling drops them, so nothing is valued or filled at a foreign price', async () => {
      const d = await database();
      const cache = new MemoryCache(testLogger);
      await cache.hset(tickerKey('BTCUSDT'), { symbol: 'BTCUSDT', price: '90000', open24h: '1', high24h: '1', low24h: '1', volume24h: '1', changePercent24h: '0', updatedAt: String(Date.now()), source: 'binance' });
      const first = await start(d, { MARKET_SOURCE: 'simulator' }, cache);
      await first.settle();
      expect(await cache.hgetall(tickerKey('BTCUSDT')), 'the live ticker of another world is gone (orders find NO_PRICE until this world’s arrives)').toEqual({});
    });

    it('when the klines topic carries another world’s candle, then the projector stores only this world’s', async () => {
      const d = await database();
      const first = await start(d, { MARKET_SOURCE: 'simulator' });
      const settled = (await first.settle())!;
      const project = createKlineProjector(first.db, first.cache, testLogger, () => WORLD_SOURCE[settled.world.kind]);
      const event = (source: string, openTime: number) => ({
        topic: MarketTopics.klines, partition: 0, offset: BigInt(openTime), key: 'BTCUSDT',
        value: JSON.stringify({ v: 1, source, interval: '1m', symbol: 'BTCUSDT', ...row(openTime), closed: true, eventTime: openTime + 59_999, seq: openTime }),
      });
      await project([event('binance', 0), event('simulator', 60_000), event('replay', 120_000)] as never);
      const stored = ((await first.db.db.execute(sql`select open_time from candles where interval = '1m'`)) as unknown as { rows: Array<{ open_time: string }> }).rows;
      expect(stored.map((r) => Number(r.open_time))).toEqual([60_000]);
    });
  });
}

worldSuite('embedded: PGlite in DATA_DIR', pgliteInDataDir);
describe.skipIf(!pg.url)('services', () => {
  worldSuite('PostgreSQL', () => postgresDatabase(pg.url!));
});

