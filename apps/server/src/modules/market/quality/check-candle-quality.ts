/**
 * The quality report of stored candles: per symbol, the 1m rows of the window and the
 * hourly roll-ups built from them, each assessed by assessCandleQuality.
 */
import type { Interval } from '@cryptosim/contracts';
import { findCandles, INTERVAL_MS, type Executor } from '../repository.js';
import { assessCandleQuality, type QualityReport } from './assess-candle-quality.js';

export const CHECKED_INTERVALS = ['1m', '1h'] as const satisfies readonly Interval[];

export interface SymbolQuality {
  symbol: string;
  intervals: Record<(typeof CHECKED_INTERVALS)[number], QualityReport>;
}

export async function checkCandleQuality(db: Executor, symbols: readonly string[], from: number, to: number): Promise<SymbolQuality[]> {
  const reports: SymbolQuality[] = [];
  for (const symbol of symbols) {
    const intervals = {} as SymbolQuality['intervals'];
    for (const interval of CHECKED_INTERVALS) {
      const ms = INTERVAL_MS[interval];
      // Whole buckets only: a bucket still open at `to` is not a gap yet.
      const end = Math.floor(to / ms) * ms;
      const start = Math.floor(from / ms) * ms;
      const limit = Math.max(1, Math.ceil((end - start) / ms) + 1);
      const candles = await findCandles(db, symbol, interval, { startTime: start, endTime: end - 1, limit });
      intervals[interval] = assessCandleQuality(candles, { from: start, to: end, intervalMs: ms });
    }
    reports.push({ symbol, intervals });
  }
  return reports;
}
