import { describe, expect, it } from 'vitest';
import { bollinger } from './bollinger';
import { ema } from './ema';
import { rsi } from './rsi';
import { sma } from './sma';

const rounded = (series: Array<number | null>, digits = 4) => series.map((v) => (v === null ? null : Number(v.toFixed(digits))));

describe('indicator math (hand-computed values)', () => {
  it('when the SMA window is 3, then each point is the mean of itself and the two before, with gaps before that', () => {
    expect(rounded(sma([2, 4, 6, 8, 12], 3))).toEqual([null, null, 4, 6, 8.6667]);
  });

  it('when a period is not a positive integer, then SMA refuses it', () => {
    expect(() => sma([1, 2], 0)).toThrow(RangeError);
  });

  it('when the EMA period is 3, then it starts at the SMA and then moves half way to each new value', () => {
    // k = 2 / 4 = 0.5: seed (2+4+6)/3 = 4; 8·0.5 + 4·0.5 = 6; 12·0.5 + 6·0.5 = 9.
    expect(rounded(ema([2, 4, 6, 8, 12], 3))).toEqual([null, null, 4, 6, 9]);
  });

  it('when there are fewer values than the EMA period, then every point is a gap', () => {
    expect(ema([1, 2], 3)).toEqual([null, null]);
  });

  it('when the window is 2,4,4,4,5,5,7,9, then the bands are 5 ± 2·2', () => {
    // Mean 5; squared deviations sum to 32; population variance 4, deviation 2.
    const bands = bollinger([2, 4, 4, 4, 5, 5, 7, 9], 8, 2);
    expect(bands.middle.at(-1)).toBe(5);
    expect(bands.upper.at(-1)).toBe(9);
    expect(bands.lower.at(-1)).toBe(1);
    expect(bands.upper.slice(0, 7).every((v) => v === null), 'no band before 8 values').toBe(true);
  });

  it("when prices rise, dip and rise again, then RSI(2) follows Wilder's smoothing", () => {
    // Changes +1 +1 −1 +2. At i=2: gain 1, loss 0 → 100. i=3: gain 0.5, loss 0.5 → 50.
    // i=4: gain (0.5+2)/2 = 1.25, loss 0.25 → RS 5 → 100 − 100/6 = 83.3333.
    expect(rounded(rsi([1, 2, 3, 2, 4], 2))).toEqual([null, null, 100, 50, 83.3333]);
  });

  it('when prices do not move at all, then RSI reads a neutral 50', () => {
    expect(rsi([5, 5, 5, 5], 2).slice(2)).toEqual([50, 50]);
  });
});
