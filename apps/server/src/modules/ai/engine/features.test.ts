import { RSI } from 'trading-signals';
import { describe, expect, it } from 'vitest';
import { buildFeatures, FEATURE_NAMES, FEATURE_WARMUP_BARS, latestFeatures } from './features.js';
import { seededRandom, syntheticCandles } from './synthetic-candles.js';
import type { Candle } from './candles.js';

const col = (name: string) => (FEATURE_NAMES as readonly string[]).indexOf(name);

function rowsUpTo(values: Float64Array, cols: number, t: number): Float64Array {
  return values.slice(0, (t + 1) * cols);
}

describe('buildFeatures', () => {
  const candles = syntheticCandles(600, { seed: 7 });
  const btc = syntheticCandles(600, { seed: 8, price: 40_000 });
  const m = buildFeatures(candles, { btc });

  it('computes the documented values from the candles up to each bar', () => {
    const i = 300;
    expect(m.values[i * m.cols + col('ret_1')]).toBeCloseTo(Math.log(candles[i]!.close / candles[i - 1]!.close), 12);
    expect(m.values[i * m.cols + col('ret_24')]).toBeCloseTo(Math.log(candles[i]!.close / candles[i - 24]!.close), 12);
    expect(m.values[i * m.cols + col('btc_ret_1')]).toBeCloseTo(Math.log(btc[i]!.close / btc[i - 1]!.close), 12);
    expect(m.values[i * m.cols + col('hour_of_day')]).toBe(new Date(candles[i]!.openTime).getUTCHours());
    const rsi = new RSI(14);
    let expected: number | null = null;
    for (let k = 0; k <= i; k++) expected = rsi.add(candles[k]!.close);
    expect(m.values[i * m.cols + col('rsi_14')]).toBe(expected);
  });

  it('is ready once every own indicator exists, never before', () => {
    expect(m.ready[FEATURE_WARMUP_BARS - 2]).toBe(0);
    expect(Array.from(m.ready.subarray(FEATURE_WARMUP_BARS - 1)).every((r) => r === 1)).toBe(true);
  });

  it('has no look-ahead: altering or adding any candle after t leaves every row up to t unchanged', () => {
    const rand = seededRandom(99);
    for (let trial = 0; trial < 25; trial++) {
      const t = 30 + Math.floor(rand() * 550);
      const scramble = (c: Candle, k: number): Candle =>
        k <= t ? c : { ...c, close: c.close * (0.5 + rand()), high: c.high * 2, low: c.low / 2, volume: c.volume * 10 * rand() };
      const altered = candles.map(scramble);
      const alteredBtc = btc.map(scramble);
      // A few extra future bars as well.
      const last = altered[altered.length - 1]!;
      altered.push({ ...last, openTime: last.openTime + 3_600_000, close: last.close * 3 });
      const m2 = buildFeatures(altered, { btc: alteredBtc });
      expect(rowsUpTo(m2.values, m2.cols, t), `rows up to bar ${t} changed`).toEqual(rowsUpTo(m.values, m.cols, t));
    }
  });

  it("leaves BTC's columns missing where BTC has no bar at that time", () => {
    const gappy = btc.filter((_, k) => k !== 200);
    const g = buildFeatures(candles, { btc: gappy });
    expect(g.values[200 * g.cols + col('btc_ret_1')]).toBeNaN();
    expect(g.ready[200]).toBe(1);
  });

  it('gives the latest bar the same vector as the full-history series', () => {
    const long = syntheticCandles(2_000, { seed: 3 });
    const longBtc = syntheticCandles(2_000, { seed: 4, price: 40_000 });
    const full = buildFeatures(long, { btc: longBtc });
    const latest = latestFeatures(long, longBtc)!;
    const last = full.values.subarray((full.rows - 1) * full.cols);
    expect(latest.openTime).toBe(long[long.length - 1]!.openTime);
    for (let k = 0; k < full.cols; k++) expect(latest.features[k], FEATURE_NAMES[k]).toBeCloseTo(last[k]!, 10);
    expect(latestFeatures(long.slice(0, 10))).toBeUndefined();
  });
});
