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
import { backfillHistory, COARSE_HISTORY_DAYS, type HistorySource } from './backfill-history.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
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

  it('when the database is empty, then every default symbol gets minutes from the Monday before 7 days ago, two years of coarse 4h, and their roll-ups', async () => {
    // A Friday: 7 days back is Friday 24 April, so minutes start on Monday 20 April 00:00 UTC.
    const now = Date.UTC(2026, 4, 1, 12, 30, 15);
    const firstMinute = Date.UTC(2026, 3, 20);
    const minutes = (Date.UTC(2026, 4, 1, 12, 30) - firstMinute) / MINUTE;
    expect(minutes).toBe(11 * 1440 + 750);
    const symbols = new MarketSymbols([...DEFAULT_SYMBOLS]);
    const source = new SimulatorSource({ symbols, seed: 'backfill-test', startMs: now });
    const began = performance.now();
    const reports = await backfillHistory({ db, source, symbols: DEFAULT_SYMBOLS, logger: testLogger, now, coarse: true });
    console.info(`backfill of ${DEFAULT_SYMBOLS.length} symbols × 7+ days and 2 years coarse on PGlite: ${Math.round(performance.now() - began)} ms`, reports.map((r) => r.ms));

    expect(reports.map((r) => r.inserted), 'minutes inserted per symbol').toEqual(DEFAULT_SYMBOLS.map(() => minutes));
    expect(reports.map((r) => r.coarse), '4h coarse candles per symbol').toEqual(DEFAULT_SYMBOLS.map(() => COARSE_HISTORY_DAYS * 6));
    const counts = await rows(db, sql`select interval, count(*)::int as n, count(distinct symbol)::int as symbols from candles group by interval`);
    const byInterval = Object.fromEntries(counts.map((r) => [r.interval, [Number(r.n), Number(r.symbols)]]));
    expect(byInterval).toEqual({
      '1m': [10 * minutes, 10],
      '3m': [10 * (minutes / 3), 10],
      '5m': [10 * (minutes / 5), 10],
      '15m': [10 * Math.ceil(minutes / 15), 10],
      '30m': [10 * Math.ceil(minutes / 30), 10],
      // The window ends at 12:30, so the last hour, 4h and day buckets are partial ones.
      '1h': [10 * Math.ceil(minutes / 60), 10],
      '4h': [10 * (11 * 6 + 4 + COARSE_HISTORY_DAYS * 6), 10],
      '1d': [10 * (12 + COARSE_HISTORY_DAYS), 10],
      '1w': [10 * (2 + COARSE_HISTORY_DAYS / 7), 10],
    });

    const [misaligned] = await rows(db, sql`select count(*)::int as n from candles where interval = '1w' and (open_time - ${4 * DAY}) % ${7 * DAY} <> 0`);
    expect(Number(misaligned!.n), 'every week opens on a Monday 00:00 UTC').toBe(0);
    const joint = await rows(db, sql`select interval, close::text as close, open::text as open from candles
      where symbol = 'BTCUSDT' and ((interval = '4h' and open_time = ${firstMinute - 4 * 3_600_000}) or (interval = '1m' and open_time = ${firstMinute}))`);
    const at = Object.fromEntries(joint.map((r) => [r.interval, r]));
    expect(new Decimal(at['4h']!.close!).eq(at['1m']!.open!), 'the coarse history ends at the first minute’s open').toBe(true);
    const [week] = await rows(db, sql`select sum(volume)::text as v from candles where symbol = 'ETHUSDT' and interval = '1m' and open_time >= ${firstMinute} and open_time < ${firstMinute + 7 * DAY}`);
    const [rolled] = await rows(db, sql`select volume::text as v from candles where symbol = 'ETHUSDT' and interval = '1w' and open_time = ${firstMinute}`);
    expect(new Decimal(rolled!.v!).eq(week!.v!), 'the minutes’ first week is one 1W candle').toBe(true);

    const again = await backfillHistory({ db, source, symbols: DEFAULT_SYMBOLS, logger: testLogger, now, coarse: true });
    expect(again.map((r) => [r.inserted, r.coarse]), 'a re-run inserts nothing').toEqual(DEFAULT_SYMBOLS.map(() => [0, 0]));
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
