import { describe, expect, it } from 'vitest';
import { balancedAccuracy, calibration, logLoss, longFlat, summarize } from './metrics.js';

describe('metrics', () => {
  it('balanced accuracy is the mean recall over the classes present', () => {
    // UP recall 2/2, DOWN recall 0/1, FLAT absent.
    expect(balancedAccuracy([0, 0, 1], [0, 0, 0])).toBeCloseTo(0.5, 12);
  });

  it('log loss is the mean −ln p of the actual class', () => {
    expect(logLoss([0, 2], [0.5, 0.25, 0.25, 0.1, 0.1, 0.8])).toBeCloseTo((-Math.log(0.5) - Math.log(0.8)) / 2, 12);
  });

  it('summarizes against the majority and persistence baselines over the same rows', () => {
    const s = summarize([0, 1, 2, 0], [0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.8], [0, -1, 2, 1], 0);
    expect(s.rows).toBe(4);
    expect(s.accuracy).toBeCloseTo(0.75, 12);
    expect(s.baselines.majority.accuracy).toBeCloseTo(0.5, 12);
    // Persistence: right on rows 0 and 2; the unknown previous label counts as a miss.
    expect(s.baselines.persistence.accuracy).toBeCloseTo(0.5, 12);
  });

  it('long/flat pays the fee on every entry and exit, buy-and-hold on its one entry and exit', () => {
    const r = longFlat([0, 0, 2, 0], [0.1, 0.1, -0.5, 0], 1, 0.001);
    expect(r.trades).toBe(4);
    expect(r.strategyReturn).toBeCloseTo(0.999 ** 4 * 1.1 * 1.1 - 1, 12);
    expect(r.buyAndHoldReturn).toBeCloseTo(1.1 * 1.1 * 0.5 * 0.999 ** 2 - 1, 12);
  });

  it('calibration bins the top-class probability', () => {
    const c = calibration([0, 1], [0.9, 0.05, 0.05, 0.9, 0.05, 0.05]);
    expect(c.bins).toEqual([{ from: 0.9, to: 1, rows: 2, meanConfidence: 0.9, accuracy: 0.5 }]);
    expect(c.ece).toBeCloseTo(0.4, 12);
  });
});
