import { describe, expect, it } from 'vitest';
import { bollingerSeries, emaSeries, rsiSeries, smaSeries } from './indicator-series';

const rounded = (series: Array<number | null>, digits = 4) => series.map((v) => (v === null ? null : Number(v.toFixed(digits))));

describe('chart indicators (trading-signals)', () => {
  it('when the SMA window is 3, then each point is the mean of itself and the two before, with gaps before that', () => {
    expect(rounded(smaSeries([2, 4, 6, 8, 12], 3))).toEqual([null, null, 4, 6, 8.6667]);
  });

  it('when the EMA period is 3, then it is a gap until stable and then moves half way to each new value', () => {
    // k = 2 / 4 = 0.5, seeded with the first close: 2 → 3 → 4.5 → 6.25 → 9.125.
    expect(rounded(emaSeries([2, 4, 6, 8, 12], 3))).toEqual([null, null, 4.5, 6.25, 9.125]);
  });

  it('when there are fewer values than the EMA period, then every point is a gap', () => {
    expect(emaSeries([1, 2], 3)).toEqual([null, null]);
  });

  it('when the window is 2,4,4,4,5,5,7,9, then the bands are 5 ± 2·2 (population deviation)', () => {
    const bands = bollingerSeries([2, 4, 4, 4, 5, 5, 7, 9], 8, 2);
    expect([bands.lower.at(-1), bands.middle.at(-1), bands.upper.at(-1)]).toEqual([1, 5, 9]);
    expect(bands.upper.slice(0, 7).every((v) => v === null), 'no band before 8 values').toBe(true);
  });

  it("when prices rise, dip and rise again, then RSI(2) follows Wilder's smoothing", () => {
    // Changes +1 +1 −1 +2. At i=2: gain 1, loss 0 → 100. i=3: 0.5/0.5 → 50. i=4: 1.25/0.25 → 83.3333.
    expect(rounded(rsiSeries([1, 2, 3, 2, 4], 2))).toEqual([null, null, 100, 50, 83.3333]);
  });
});
