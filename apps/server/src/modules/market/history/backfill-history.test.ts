/**
 * First-start history on embedded PGlite: 7 days of 1m candles for the ten default symbols
 * from the simulator, and real BTCUSDT minutes from a file-backed source to check that a
 * re-run fills exactly the gaps and never overwrites what the live feed stored.
 */
import { sql } from 'drizzle-orm';
import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../../ports/db/db-port.js';
import { openPgliteDb } from '../../../ports/db/pglite-db.js';
import type { SourceKline } from '../../../ports/market/market-source.js';
import { DEFAULT_SYMBOLS } from '@cryptosim/contracts';
import { MarketSymbols } from '../symbols/symbol-registry.js';
import { SimulatorSource } from '../sources/simulator/simulator-source.js';
import { marketDataFile } from '../sources/testing/market-data-dir.js';
import { readCandleCsv } from '../sources/replay/read-candle-csv.js';
import { testLogger } from '../projector/testing/market-test-stack.js';
import { upsertMinutes } from '../repository.js';
import { backfillHistory, type HistorySource } from './backfill-history.js';

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;
const btcFile = marketDataFile('1m-2026-03-24_2026-04-21/BTCUSDT-1m.csv');
const btc = btcFile.skipReason ? [] : await readCandleCsv(btcFile.file);

/** Serves the real file's minutes, and records which ranges were asked for. */
function fileSource(): HistorySource & { asked: Array<[number, number]> } {
  const asked: Array<[number, number]> = [];
  return {
    asked,
    async backfill(symbol, startMs, endMs): Promise<SourceKline[]> {
      asked.push([startMs, endMs]);
      return btc
        .filter((c) => c.openTime >= startMs && c.openTime < endMs)
        .map((c) => ({ symbol, ...c, closed: true, eventTime: c.openTime + MINUTE }));
    },
  };
}

async function rows(db: DbPort, query: ReturnType<typeof sql>): Promise<Array<Record<string, string>>> {
  return ((await db.db.execute(query)) as unknown as { rows: Array<Record<string, string>> }).rows;
}

describe('history backfill on PGlite', () => {
  let db: DbPort;
  beforeAll(async () => {
    db = await openPgliteDb({ dataDir: null, logger: testLogger });
    await db.migrate();
  }, 60_000);
  afterAll(async () => db?.close());

  it('when the database is empty, then every default symbol gets 7 days of 1m candles and their roll-ups', async () => {
    const now = Date.UTC(2026, 4, 1, 12, 30, 15);
    const symbols = new MarketSymbols([...DEFAULT_SYMBOLS]);
    const source = new SimulatorSource({ symbols, seed: 'backfill-test', startMs: now });
    const began = performance.now();
    const reports = await backfillHistory({ db, source, symbols: DEFAULT_SYMBOLS, logger: testLogger, now });
    console.info(`backfill of ${DEFAULT_SYMBOLS.length} symbols × 7 days on PGlite: ${Math.round(performance.now() - began)} ms`, reports.map((r) => r.ms));

    expect(reports.map((r) => r.inserted), 'minutes inserted per symbol').toEqual(DEFAULT_SYMBOLS.map(() => WEEK_MINUTES));
    const counts = await rows(db, sql`select interval, count(*)::int as n, count(distinct symbol)::int as symbols from candles group by interval`);
    const byInterval = Object.fromEntries(counts.map((r) => [r.interval, [Number(r.n), Number(r.symbols)]]));
    expect(byInterval).toEqual({
      '1m': [10 * WEEK_MINUTES, 10],
      '5m': [10 * (WEEK_MINUTES / 5), 10],
      '15m': [10 * (WEEK_MINUTES / 15), 10],
      // The window starts at 12:30, so the first hour, 4h and day buckets are partial ones.
      '1h': [10 * (7 * 24 + 1), 10],
      '4h': [10 * (7 * 6 + 1), 10],
      '1d': [10 * 8, 10],
    });

    const again = await backfillHistory({ db, source, symbols: DEFAULT_SYMBOLS, logger: testLogger, now });
    expect(again.map((r) => r.inserted), 'a re-run inserts nothing').toEqual(DEFAULT_SYMBOLS.map(() => 0));
  }, 120_000);

  it.skipIf(btcFile.skipReason)('when minutes are missing and one was stored live meanwhile, then a re-run fills only the gaps and keeps the live one', async () => {
    await db.db.execute(sql`delete from candles`);
    const now = btc.at(-1)!.openTime + MINUTE;
    const source = fileSource();
    await backfillHistory({ db, source, symbols: ['BTCUSDT'], logger: testLogger, now });
    const start = now - WEEK_MINUTES * MINUTE;
    const holeFrom = start + 3_000 * MINUTE;
    const holeTo = holeFrom + 90 * MINUTE;
    await db.db.execute(sql`delete from candles where interval = '1m' and open_time >= ${holeFrom} and open_time < ${holeTo}`);
    const live = { symbol: 'BTCUSDT', openTime: holeFrom + 30 * MINUTE, open: '1', high: '999999', low: '1', close: '2', volume: '3' };
    await upsertMinutes(db.db, [live]);

    source.asked.length = 0;
    const [report] = await backfillHistory({ db, source, symbols: ['BTCUSDT'], logger: testLogger, now });
    expect(source.asked, 'only the two gaps around the live minute are asked for').toEqual([
      [holeFrom, live.openTime],
      [live.openTime + MINUTE, holeTo],
    ]);
    expect(report!.inserted).toBe(89);
    const kept = await rows(db, sql`select high::text from candles where interval = '1m' and open_time = ${live.openTime}`);
    expect(new Decimal(kept[0]!.high!).eq('999999'), 'the live minute is not overwritten').toBe(true);

    const hour = live.openTime - (live.openTime % 3_600_000);
    const [rolled] = await rows(db, sql`select high::text from candles where interval = '1h' and open_time = ${hour}`);
    expect(new Decimal(rolled!.high!).eq('999999'), 'the hour holding it is rolled up again from the stored minutes').toBe(true);
    const stored = await rows(db, sql`select count(*)::int as n from candles where interval = '1m' and symbol = 'BTCUSDT'`);
    expect(Number(stored[0]!.n)).toBe(WEEK_MINUTES);
  });
});
