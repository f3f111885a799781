/**
 * Data-quality checks over one symbol's candles of one interval in a window [from, to):
 * missing slots (gaps), rows off the interval grid or sharing an open time (duplicates),
 * consecutive identical candles (a feed that froze and repeated itself), impossible OHLC
 * rows, and outlier moves. Pure, so the rules are tested on hand-made series.
 *
 * Outliers use a robust z-score of close-to-close log returns, |r − median| / (1.4826 · MAD),
 * so one spike cannot hide itself by inflating a standard deviation; a move must also exceed
 * `minMove` so a dead-calm window (MAD ≈ 0) does not flag every tick. The figures are floats:
 * they describe the data, they never become money.
 */
import type { Candle } from '@cryptosim/contracts';

export interface QualityOptions {
  from: number;
  to: number;
  intervalMs: number;
  /** Robust z-score above which a return is an outlier (default 10). */
  outlierZ?: number;
  /** Smallest |log return| reported as an outlier (default 0.01). */
  minMove?: number;
  /** How many of the worst outliers the report lists (default 5). */
  listed?: number;
}

export interface Outlier {
  openTime: number;
  logReturn: number;
  robustZ: number;
}

export interface QualityReport {
  rows: number;
  expected: number;
  missing: number;
  /** Runs of missing slots as [start, end) open times, the first `listed` × 4 of them. */
  gaps: Array<[number, number]>;
  /** How many runs of missing slots there are in all. */
  gapRuns: number;
  misaligned: number;
  duplicateOpenTimes: number;
  repeated: number;
  invalid: number;
  outliers: number;
  worstOutliers: Outlier[];
  ok: boolean;
}

export function assessCandleQuality(candles: readonly Candle[], options: QualityOptions): QualityReport {
  const { from, to, intervalMs } = options;
  const outlierZ = options.outlierZ ?? 10;
  const minMove = options.minMove ?? 0.01;
  const inWindow = candles.filter((c) => c.openTime >= from && c.openTime < to).sort((a, b) => a.openTime - b.openTime);

  const firstSlot = Math.ceil(from / intervalMs) * intervalMs;
  const expected = Math.max(0, Math.ceil((to - firstSlot) / intervalMs));
  const misaligned = inWindow.filter((c) => c.openTime % intervalMs !== 0).length;
  let duplicateOpenTimes = 0;
  let repeated = 0;
  for (let i = 1; i < inWindow.length; i++) {
    const [a, b] = [inWindow[i - 1]!, inWindow[i]!];
    if (a.openTime === b.openTime) duplicateOpenTimes += 1;
    else if (sameCandle(a, b) && Number(b.volume) > 0) repeated += 1;
  }
  const invalid = inWindow.filter((c) => !validCandle(c)).length;

  const slots = new Set(inWindow.filter((c) => c.openTime % intervalMs === 0).map((c) => c.openTime));
  const gaps: Array<[number, number]> = [];
  for (let t = firstSlot; t < to; t += intervalMs) {
    if (slots.has(t)) continue;
    const last = gaps[gaps.length - 1];
    if (last && last[1] === t) last[1] = t + intervalMs;
    else gaps.push([t, t + intervalMs]);
  }
  const missing = expected - slots.size;

  const returns = consecutiveReturns(inWindow.filter((c) => c.openTime % intervalMs === 0 && validCandle(c)), intervalMs);
  const found = findOutliers(returns, outlierZ, minMove);
  const worstOutliers = [...found].sort((a, b) => b.robustZ - a.robustZ).slice(0, options.listed ?? 5);

  return {
    rows: inWindow.length,
    expected,
    missing,
    // A long outage must not turn the run's summary into a megabyte of intervals.
    gaps: gaps.slice(0, (options.listed ?? 5) * 4),
    gapRuns: gaps.length,
    misaligned,
    duplicateOpenTimes,
    repeated,
    invalid,
    outliers: found.length,
    worstOutliers,
    ok: missing === 0 && misaligned === 0 && duplicateOpenTimes === 0 && repeated === 0 && invalid === 0 && found.length === 0,
  };
}

function sameCandle(a: Candle, b: Candle): boolean {
  return a.open === b.open && a.high === b.high && a.low === b.low && a.close === b.close && a.volume === b.volume;
}

function validCandle(c: Candle): boolean {
  const [o, h, l, cl, v] = [c.open, c.high, c.low, c.close, c.volume].map(Number) as [number, number, number, number, number];
  if (![o, h, l, cl, v].every(Number.isFinite)) return false;
  return l > 0 && v >= 0 && h >= Math.max(o, cl, l) && l <= Math.min(o, cl);
}

/** Log returns between candles in adjacent slots only: a return across a gap is not one bar's move. */
function consecutiveReturns(candles: readonly Candle[], intervalMs: number): Array<{ openTime: number; r: number }> {
  const out: Array<{ openTime: number; r: number }> = [];
  for (let i = 1; i < candles.length; i++) {
    const [a, b] = [candles[i - 1]!, candles[i]!];
    if (b.openTime - a.openTime !== intervalMs) continue;
    out.push({ openTime: b.openTime, r: Math.log(Number(b.close) / Number(a.close)) });
  }
  return out;
}

function findOutliers(returns: Array<{ openTime: number; r: number }>, outlierZ: number, minMove: number): Outlier[] {
  if (returns.length < 3) return [];
  const med = median(returns.map((x) => x.r));
  const mad = median(returns.map((x) => Math.abs(x.r - med)));
  const scale = 1.4826 * mad;
  return returns
    .map(({ openTime, r }) => ({ openTime, logReturn: r, robustZ: scale > 0 ? Math.abs(r - med) / scale : Math.abs(r - med) > 0 ? Infinity : 0 }))
    .filter((o) => Math.abs(o.logReturn) >= minMove && o.robustZ > outlierZ)
    .map((o) => ({ ...o, robustZ: Number.isFinite(o.robustZ) ? o.robustZ : Number.MAX_VALUE }));
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
