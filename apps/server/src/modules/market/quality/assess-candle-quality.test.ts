import { describe, expect, it } from 'vitest';
import type { Candle } from '@cryptosim/contracts';
import { assessCandleQuality } from './assess-candle-quality.js';

const M = 60_000;
const T0 = Date.UTC(2026, 0, 5, 0, 0);

/** A calm series with a small deterministic wiggle (never zero MAD), one candle per minute. */
function series(n: number, start = T0): Candle[] {
  return Array.from({ length: n }, (_, i) => {
    const close = 100 + ((i * 7) % 5) * 0.01 + i * 0.001;
    const open = close - 0.005;
    return { openTime: start + i * M, open: fx(open), high: fx(close + 0.02), low: fx(open - 0.02), close: fx(close), volume: '5' };
  });
}
const fx = (x: number) => x.toFixed(4);

describe('assessCandleQuality', () => {
  it('when every slot holds one sound candle, then the report is clean', () => {
    const r = assessCandleQuality(series(60), { from: T0, to: T0 + 60 * M, intervalMs: M });
    expect(r).toMatchObject({ rows: 60, expected: 60, missing: 0, gaps: [], misaligned: 0, duplicateOpenTimes: 0, repeated: 0, invalid: 0, outliers: 0, ok: true });
  });

  it('when slots are missing, then each run of them is one gap and every missing slot counts', () => {
    const candles = series(60).filter((c) => ![10, 11, 12, 40].includes((c.openTime - T0) / M));
    const r = assessCandleQuality(candles, { from: T0, to: T0 + 60 * M, intervalMs: M });
    expect(r.gaps).toEqual([
      [T0 + 10 * M, T0 + 13 * M],
      [T0 + 40 * M, T0 + 41 * M],
    ]);
    expect(r.missing).toBe(4);
    expect(r.gapRuns).toBe(2);
    expect(r.ok).toBe(false);
  });

  it('when there are many gaps, then the report lists the first ones and counts them all', () => {
    const everyOther = series(200).filter((_, i) => i % 2 === 0);
    const r = assessCandleQuality(everyOther, { from: T0, to: T0 + 200 * M, intervalMs: M, listed: 2 });
    expect(r.gapRuns).toBe(100);
    expect(r.gaps).toHaveLength(8);
    expect(r.gaps[0]).toEqual([T0 + M, T0 + 2 * M]);
  });

  it('when the window ends with no candle, then the tail is a gap', () => {
    const r = assessCandleQuality(series(50), { from: T0, to: T0 + 60 * M, intervalMs: M });
    expect(r.gaps).toEqual([[T0 + 50 * M, T0 + 60 * M]]);
  });

  it('when a row is off the minute grid or shares an open time, then it is counted as a duplicate', () => {
    const candles = series(30);
    candles.push({ ...candles[5]!, openTime: T0 + 5 * M + 30_000 }, { ...candles[8]!, close: '100.5' });
    const r = assessCandleQuality(candles, { from: T0, to: T0 + 30 * M, intervalMs: M });
    expect(r.misaligned).toBe(1);
    expect(r.duplicateOpenTimes).toBe(1);
    expect(r.missing, 'a duplicate does not fill or open a slot').toBe(0);
  });

  it('when the feed repeats the same candle, then each repeat is counted, but flat candles with no volume are not', () => {
    const candles = series(30);
    candles[11] = { ...candles[10]!, openTime: candles[11]!.openTime };
    candles[12] = { ...candles[10]!, openTime: candles[12]!.openTime };
    const quiet = { openTime: 0, open: '1', high: '1', low: '1', close: '1', volume: '0' };
    candles[20] = { ...quiet, openTime: candles[20]!.openTime };
    candles[21] = { ...quiet, openTime: candles[21]!.openTime };
    const r = assessCandleQuality(candles, { from: T0, to: T0 + 30 * M, intervalMs: M, minMove: 100 });
    expect(r.repeated).toBe(2);
  });

  it('when a row has high below its close, low above its open or a negative volume, then it is invalid', () => {
    const candles = series(30);
    candles[3] = { ...candles[3]!, high: '99' };
    candles[4] = { ...candles[4]!, low: '101' };
    candles[5] = { ...candles[5]!, volume: '-1' };
    const r = assessCandleQuality(candles, { from: T0, to: T0 + 30 * M, intervalMs: M });
    expect(r.invalid).toBe(3);
  });

  it('when one close jumps 20 % and comes back, then both moves are outliers and ordinary moves are not', () => {
    const candles = series(120);
    const spike = candles[60]!;
    candles[60] = { ...spike, close: '120', high: '120' };
    const r = assessCandleQuality(candles, { from: T0, to: T0 + 120 * M, intervalMs: M });
    expect(r.outliers).toBe(2);
    expect(r.worstOutliers.map((o) => o.openTime).sort()).toEqual([T0 + 60 * M, T0 + 61 * M]);
    expect(r.worstOutliers.find((o) => o.openTime === T0 + 60 * M)!.logReturn).toBeCloseTo(Math.log(120 / Number(candles[59]!.close)), 10);
  });

  it('when two candles are separated by a gap, then their move is not taken as one bar', () => {
    const candles = series(60).filter((c) => (c.openTime - T0) / M < 30 || (c.openTime - T0) / M > 40);
    const later = candles.findIndex((c) => c.openTime === T0 + 41 * M);
    candles.slice(later).forEach((c, i) => (candles[later + i] = { ...c, open: '150', high: '150.1', low: '149.9', close: String(150 + i * 0.001) }));
    const r = assessCandleQuality(candles, { from: T0, to: T0 + 60 * M, intervalMs: M });
    expect(r.outliers).toBe(0);
    expect(r.missing, 'minutes 30 to 40').toBe(11);
  });

  it('when the window is hourly, then slots are whole hours from the first boundary at or after from', () => {
    const H = 3_600_000;
    const hours = Array.from({ length: 5 }, (_, i) => ({ openTime: T0 + (i + 1) * H, open: '1', high: '1.1', low: '0.9', close: String(1 + i / 1000), volume: '1' }));
    const r = assessCandleQuality(hours, { from: T0 + 1, to: T0 + 6 * H, intervalMs: H });
    expect(r).toMatchObject({ expected: 5, missing: 0, ok: true });
  });
});
