/**
 * Charts are never empty: fills every missing closed minute of the last `days` days per
 * symbol from the market source (Binance REST when online, the simulator's deterministic
 * history otherwise), then recomputes the roll-ups of the filled spans. Idempotent: a re-run
 * asks only for the gaps, and never overwrites a minute the live feed already stored.
 */
import type { Logger } from 'pino';
import type { SourceKline } from '../../../ports/market/market-source.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { findMinuteGaps, insertMissingMinutes, INTERVAL_MS, rollUp, type MinuteCandle } from '../repository.js';

export interface HistorySource {
  /** Closed 1m candles with openTime in [startMs, endMs), oldest first. */
  backfill(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]>;
}

export interface BackfillOptions {
  db: DbPort;
  source: HistorySource;
  symbols: readonly string[];
  logger: Logger;
  days?: number;
  now?: number;
  signal?: AbortSignal;
}

export interface BackfillReport {
  symbol: string;
  gaps: number;
  inserted: number;
  ms: number;
}

export const HISTORY_DAYS = 7;
const DAY_MS = 86_400_000;

export async function backfillHistory(options: BackfillOptions): Promise<BackfillReport[]> {
  const { db, source, symbols, logger, signal } = options;
  const minute = INTERVAL_MS['1m'];
  // Minutes strictly before the current one are closed.
  const end = Math.floor((options.now ?? Date.now()) / minute) * minute;
  const start = end - (options.days ?? HISTORY_DAYS) * DAY_MS;
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
    if (rows.length > 0) {
      const from = rows.reduce((m, r) => Math.min(m, r.openTime), Infinity);
      const to = rows.reduce((m, r) => Math.max(m, r.openTime), -Infinity);
      inserted = await db.db.transaction(async (tx) => {
        const n = await insertMissingMinutes(tx, rows);
        await rollUp(tx, [{ symbol, from, to }]);
        return n;
      });
    }
    const report = { symbol, gaps: gaps.length, inserted, ms: Math.round(performance.now() - began) };
    if (gaps.length > 0) logger.info(report, 'candle history backfilled');
    reports.push(report);
  }
  return reports;
}

function toRow(k: SourceKline): MinuteCandle {
  return { symbol: k.symbol, openTime: k.openTime, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume };
}
