/**
 * Restarting the app continues the market instead of rewinding it, on PGlite (DATA_DIR
 * opened again) and PostgreSQL: the simulator from its last closes and volatility, with the
 * stopped minutes simulated so every candle opens at the previous close; a replay after
 * the last minute it played (from the start again only when asked).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type MarketSourceConfig } from '../../../config.js';
import { MemoryBus } from '../../../ports/bus/memory-bus.js';
import { MemoryCache } from '../../../ports/cache/memory-cache.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import type { MarketSource, SourceKline } from '../../../ports/market/market-source.js';
import { service } from '../../../testing/services.js';
import { ingestEntryPoint } from '../ingest/start-ingest.js';
import { testLogger } from '../projector/testing/market-test-stack.js';
import { startProjector } from '../projector/start-projector.js';
import { createMarketSource } from '../sources/create-market-source.js';
import { SimulatorSource } from '../sources/simulator/simulator-source.js';
import { MarketSymbols } from '../symbols/symbol-registry.js';
import { WORLD_SOURCE } from './market-world.js';
import { settleMarketWorld } from './settle-market-world.js';
import { pgliteInDataDir, postgresDatabase, type RestartableDb } from './testing/world-backends.js';
import { readWorld } from './world-store.js';

const pg = await service('postgres');
const MINUTE = 60_000;
const SYMBOLS = ['BTCUSDT', 'ETHUSDT'];

interface Row {
  symbol: string;
  openTime: number;
  open: string;
  close: string;
  high: string;
  low: string;
  volume: string;
}

async function minutes(db: DbPort, symbol: string): Promise<Row[]> {
  const result = await db.db.execute(sql`select symbol, open_time, trim_scale(open)::text as open, trim_scale(close)::text as close,
    trim_scale(high)::text as high, trim_scale(low)::text as low, trim_scale(volume)::text as volume
    from candles where interval = '1m' and symbol = ${symbol} order by open_time`);
  return (result as unknown as { rows: Array<Record<string, string>> }).rows.map((r) => ({
    symbol: r.symbol!, openTime: Number(r.open_time), open: r.open!, close: r.close!, high: r.high!, low: r.low!, volume: r.volume!,
  }));
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** One run of the app's market roles (ingest + projector) on the database, as a start would. */
async function startApp(database: RestartableDb, market: MarketSourceConfig, source: MarketSource) {
  const db = await database.open();
  const cache = new MemoryCache(testLogger);
  const bus = new MemoryBus({ logger: testLogger });
  const settled = (await settleMarketWorld({ db, cache, source, market, mayDecide: true, logger: testLogger }))!;
  const projector = await startProjector({ db, cache, bus }, testLogger, () => WORLD_SOURCE[settled.world.kind]);
  const ports = { db, cache, bus, market: source };
  const ingest = await ingestEntryPoint.start({ ports, logger: testLogger, signal: new AbortController().signal } as never);
  return {
    db,
    settled,
    /** Stops the feed, lets the projector store what it sent, then shuts down. */
    async stop() {
      await ingest.stop();
      const minute = (await readWorld(db))?.checkpoint?.minute;
      if (minute !== undefined) {
        await waitFor('the last closed minute is stored', async () =>
          (await Promise.all(SYMBOLS.filter((s) => source.symbols.get(s)).map(async (s) => (await minutes(db, s)).at(-1)?.openTime ?? 0))).every((t) => t >= minute),
        );
      }
      await projector.stop();
      await bus.close();
      await cache.close();
      await db.close();
    },
  };
}

/** Watches what a source emits, so a test can tell what was played after a restart. */
function spy(source: MarketSource): SourceKline[] {
  const seen: SourceKline[] = [];
  const start = source.start.bind(source);
  source.start = (listener) => start({ onTick: (t) => listener.onTick(t), onKline: (k) => (seen.push(k), listener.onKline(k)) });
  return seen;
}

function continuitySuite(mode: string, makeDb: () => Promise<RestartableDb>) {
  describe(`restart continuity (${mode})`, { timeout: 240_000 }, () => {
    const cleanup: Array<() => Promise<unknown>> = [];
    afterEach(async () => {
      for (const c of cleanup.splice(0).reverse()) await c();
    });

    it('when the simulator is stopped for half an hour and started again, then it continues from its last close: every stored minute, gap included, opens at the previous close', async () => {
      const database = await makeDb();
      cleanup.push(() => database.dispose());
      const market = loadConfig({ MARKET_SOURCE: 'simulator', SEED: 'restart', MARKET_SYMBOLS: SYMBOLS.join(',') }).market;
      const t0 = Date.UTC(2026, 5, 1, 12, 0, 0);
      let now = t0;
      const simulator = () => new SimulatorSource({ symbols: new MarketSymbols(SYMBOLS), seed: 'restart', startMs: t0, clock: () => now, tickMs: 10 });

      const first = await startApp(database, market, simulator());
      cleanup.push(() => first.stop());
      now = t0 + 3 * MINUTE + 10_000;
      await waitFor('three minutes are stored', async () => (await minutes(first.db, 'ETHUSDT')).length >= 3);
      cleanup.pop();
      await first.stop();

      now = t0 + 40 * MINUTE + 5_000;
      const source = simulator();
      const second = await startApp(database, market, source);
      cleanup.push(() => second.stop());
      const checkpoint = second.settled.checkpoint;
      expect(checkpoint, 'the first run left a checkpoint').toMatchObject({ kind: 'simulated', minute: t0 + 2 * MINUTE });
      now = t0 + 42 * MINUTE + 5_000;
      await waitFor('minute 41 is stored', async () => (await minutes(second.db, 'ETHUSDT')).at(-1)?.openTime === t0 + 41 * MINUTE);
      cleanup.pop();
      await second.stop();

      const db = await database.open();
      cleanup.push(() => db.close());
      for (const symbol of SYMBOLS) {
        const rows = await minutes(db, symbol);
        expect(rows.map((r) => (r.openTime - t0) / MINUTE), `${symbol}: every minute from the first start on, the stopped ones too`).toEqual(
          Array.from({ length: 42 }, (_, i) => i),
        );
        const jumps = rows.slice(1).filter((r, i) => !new Decimal(r.open).eq(rows[i]!.close)).map((r) => `${(r.openTime - t0) / MINUTE}: ${rows[rows.indexOf(r) - 1]!.close} → ${r.open}`);
        expect(jumps, `${symbol}: candles that do not open at the previous close`).toEqual([]);
        expect(rows[3]!.open, `${symbol}: the first minute after the stop opens at the checkpoint's close`).toBe(new Decimal(checkpoint!.kind === 'simulated' ? checkpoint!.symbols[symbol]!.close : '0').toFixed());
        for (const r of rows) expect(new Decimal(r.high).gte(Decimal.max(r.open, r.close)) && new Decimal(r.low).lte(Decimal.min(r.open, r.close)), `${symbol} ${r.openTime}`).toBe(true);
      }
    });

    describe('replay', () => {
      let dir: string;
      let file: string;
      const start = Date.UTC(2025, 0, 1);
      const rows = Array.from({ length: 240 }, (_, i) => {
        const open = 100 + Math.round(10 * Math.sin(i / 7) * 100) / 100;
        const close = 100 + Math.round(10 * Math.sin((i + 1) / 7) * 100) / 100;
        return { openTime: start + i * MINUTE, open, close, high: Math.max(open, close) + 0.5, low: Math.min(open, close) - 0.5, volume: 1 + (i % 5) };
      });
      beforeAll(async () => {
        dir = await mkdtemp(path.join(tmpdir(), 'cryptosim-replay-'));
        file = path.join(dir, 'BTCUSDT-1m.csv');
        const text = ['open_time_ms,open,high,low,close,volume', ...rows.map((r) => [r.openTime, r.open, r.high, r.low, r.close, r.volume].join(','))].join('\n');
        await writeFile(file, `${text}\n`);
      });
      afterAll(() => rm(dir, { recursive: true, force: true }));

      it('when a replay is stopped midway and started again, then it plays on from the minute after its checkpoint and the stored candles equal the file; REPLAY_RESTART starts it over', async () => {
        const database = await makeDb();
        cleanup.push(() => database.dispose());
        const config = (restart = false) => loadConfig({ MARKET_SOURCE: `replay:${file}`, MARKET_SYMBOLS: 'BTCUSDT', REPLAY_SPEED: '600', REPLAY_RESTART: String(restart) }).market;

        const first = await startApp(database, config(), createMarketSource({ market: config(), logger: testLogger }));
        cleanup.push(() => first.stop());
        await waitFor('some minutes are stored', async () => (await minutes(first.db, 'BTCUSDT')).length >= 20);
        cleanup.pop();
        await first.stop();

        const source = createMarketSource({ market: config(), logger: testLogger });
        const seen = spy(source);
        const second = await startApp(database, config(), source);
        cleanup.push(() => second.stop());
        const checkpoint = second.settled.checkpoint!;
        expect(checkpoint.kind).toBe('replay');
        expect(checkpoint.minute, 'stopped midway').toBeLessThan(rows.at(-1)!.openTime);
        await waitFor('the whole file is stored', async () => (await minutes(second.db, 'BTCUSDT')).length === rows.length);
        const played = seen.filter((k) => k.closed).map((k) => k.openTime);
        expect(played[0], 'the first minute played after the restart follows the checkpoint').toBe(checkpoint.minute + MINUTE);
        expect(seen.every((k) => k.openTime > checkpoint.minute), 'nothing before the checkpoint is played again').toBe(true);
        expect(seen[0]!.eventTime, 'its clock is the file’s').toBe(checkpoint.minute + MINUTE);
        const stored = await minutes(second.db, 'BTCUSDT');
        expect(stored.map((r) => [r.openTime, Number(r.open), Number(r.close), Number(r.high), Number(r.low), Number(r.volume)])).toEqual(
          rows.map((r) => [r.openTime, r.open, r.close, r.high, r.low, r.volume]),
        );
        cleanup.pop();
        await second.stop();

        const over = createMarketSource({ market: config(true), logger: testLogger });
        const replayed = spy(over);
        const third = await startApp(database, config(true), over);
        cleanup.push(() => third.stop());
        expect(third.settled.checkpoint, 'REPLAY_RESTART forgets the checkpoint').toBeNull();
        await waitFor('the first minute is played again', async () => replayed.some((k) => k.closed));
        expect(replayed.find((k) => k.closed)!.openTime).toBe(rows[0]!.openTime);
      });
    });
  });
}

continuitySuite('embedded: PGlite in DATA_DIR', pgliteInDataDir);
describe.skipIf(!pg.url)('services', () => {
  continuitySuite('PostgreSQL', () => postgresDatabase(pg.url!));
});
