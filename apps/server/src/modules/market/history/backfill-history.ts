/**
 * Charts are never empty: fills every missing closed minute of the last `days` days per
 * symbol from the market source (Binance REST when online, the simulator's deterministic
 * history otherwise), then recomputes the roll-ups of the filled spans. Idempotent: a re-run
 * asks only for the gaps, and never overwrites a minute the live feed already stored.
 */
import type { Logger } from 'pino';
import { bucketStart } from '@cryptosim/contracts';
import type { SourceKline } from '../../../ports/market/market-source.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { findCandles, findMinuteGaps, hasCandleBefore, insertCoarseHistory, insertMissingMinutes, INTERVAL_MS, ROLLUP_INTERVALS, rollUp, type MinuteCandle } from '../repository.js';

export interface HistorySource {
  /** Closed 1m candles with openTime in [startMs, endMs), oldest first. */
  backfill(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]>;
  /** Closed 4h candles with openTime in [startMs, endMs): the months before the minutes, where the source has them. */
  coarseHistory?(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]>;
}

export interface BackfillOptions {
  db: DbPort;
  source: HistorySource;
  symbols: readonly string[];
  logger: Logger;
  days?: number;
  /**
   * First start: also write the source's coarse history (months of 4h, rolled up to 1D and 1W)
   * before the minutes, which then start on a Monday. The periodic job leaves it off.
   */
  coarse?: boolean;
  now?: number;
  signal?: AbortSignal;
}

export interface BackfillReport {
  symbol: string;
  gaps: number;
  inserted: number;
  /** 4h candles of coarse history inserted before the minutes. */
  coarse: number;
  ms: number;
}

export const HISTORY_DAYS = 7;
/** How far the coarse history reaches before the minutes: two years of 1D candles, 104 1W. */
export const COARSE_HISTORY_DAYS = 728;
const DAY_MS = 86_400_000;
const CHUNK_MINUTES = 1_440;
const DAILY_ROLLUPS = ROLLUP_INTERVALS.filter((i) => i !== '1w');

export async function backfillHistory(options: BackfillOptions): Promise<BackfillReport[]> {
  const { db, source, symbols, logger, signal } = options;
  const minute = INTERVAL_MS['1m'];
  // Minutes strictly before the current one are closed.
  const end = Math.floor((options.now ?? Date.now()) / minute) * minute;
  const recent = end - (options.days ?? HISTORY_DAYS) * DAY_MS;
  // With coarse history behind them, minutes start on a Monday: every 1W (and so 1D, 4h)
  // bucket then holds either minutes or coarse candles, never part of each.
  const coarseHistory = options.coarse ? source.coarseHistory?.bind(source) : undefined;
  const start = coarseHistory ? bucketStart(recent, '1w') : recent;
  const reports: BackfillReport[] = [];
  for (const symbol of symbols) {
    signal?.throwIfAborted();
    const began = performance.now();
    const gaps = await findMinuteGaps(db.db, symbol, start, end);
    const rows: MinuteCandle[] = [];
    for (const [from, to] of gaps) {
      for (const k of await source.backfill(symbol, from, to)) {
        if (k.closed && k.openTime >= from && k.openTime < to) rows.push(toRow(k));
      }
    }
    let inserted = 0;
    rows.sort((a, b) => a.openTime - b.openTime);
    // A day per transaction: on embedded PGlite a transaction holds the one connection (and a
    // statement the event loop), so short ones let the first page load through between them.
    for (let i = 0; i < rows.length; i += CHUNK_MINUTES) {
      signal?.throwIfAborted();
      const chunk = rows.slice(i, i + CHUNK_MINUTES);
      const span = { symbol, from: chunk[0]!.openTime, to: chunk.at(-1)!.openTime };
      inserted += await db.db.transaction(async (tx) => {
        const n = await insertMissingMinutes(tx, chunk);
        await rollUp(tx, [span], DAILY_ROLLUPS);
        return n;
      });
    }
    // Weeks once at the end: per day they would re-read the whole week each time.
    if (rows.length > 0) await rollUp(db.db, [{ symbol, from: rows[0]!.openTime, to: rows.at(-1)!.openTime }], ['1w']);
    const coarse = coarseHistory ? await backfillCoarse(db, coarseHistory, symbol, start) : 0;
    const report = { symbol, gaps: gaps.length, inserted, coarse, ms: Math.round(performance.now() - began) };
    if (gaps.length > 0 || coarse > 0) logger.info(report, 'candle history backfilled');
    reports.push(report);
  }
  return reports;
}

/** Coarse candles before the oldest stored minute's week, once: a re-run finds them and asks nothing. */
async function backfillCoarse(db: DbPort, coarseHistory: NonNullable<HistorySource['coarseHistory']>, symbol: string, start: number): Promise<number> {
  const [oldest] = await findCandles(db.db, symbol, '1m', { limit: 1, startTime: 0 });
  const before = bucketStart(Math.min(start, oldest?.openTime ?? start), '1w');
  if (await hasCandleBefore(db.db, symbol, '4h', before)) return 0;
  const rows = (await coarseHistory(symbol, before - COARSE_HISTORY_DAYS * DAY_MS, before)).filter((k) => k.closed && k.openTime < before).map(toRow);
  return db.db.transaction((tx) => insertCoarseHistory(tx, symbol, rows, before));
}

function toRow(k: SourceKline): MinuteCandle {
  return { symbol: k.symbol, openTime: k.openTime, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume };
}
