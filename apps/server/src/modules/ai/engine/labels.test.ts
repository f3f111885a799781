import { describe, expect, it } from 'vitest';
import { CLASSES, fitTheta, forwardReturns, labelFor } from './labels.js';
import { seededRandom, syntheticCandles } from './synthetic-candles.js';

describe('labels', () => {
  it('labels by the return against ±θ, the boundary being FLAT', () => {
    expect(labelFor(0.003, 0.002)).toBe('UP');
    expect(labelFor(-0.003, 0.002)).toBe('DOWN');
    expect(labelFor(0.002, 0.002)).toBe('FLAT');
    expect(labelFor(-0.002, 0.002)).toBe('FLAT');
    expect(labelFor(0, 0)).toBe('FLAT');
    expect(() => labelFor(Number.NaN, 0.01)).toThrow(/non-finite/);
    expect(CLASSES).toEqual(['UP', 'DOWN', 'FLAT']);
  });

  it('fits θ so the classes are roughly balanced', () => {
    const rand = seededRandom(5);
    const returns = Array.from({ length: 30_000 }, () => (rand() - 0.5) * 0.02 * (1 + rand()));
    const theta = fitTheta(returns);
    const counts = { UP: 0, DOWN: 0, FLAT: 0 };
    for (const r of returns) counts[labelFor(r, theta)]++;
    for (const c of CLASSES) expect(counts[c] / returns.length, c).toBeGreaterThan(0.3);
  });

  it('takes the return to the bar h intervals later by time, NaN across a gap', () => {
    const candles = syntheticCandles(10, { seed: 2 }).filter((_, i) => i !== 5);
    const fwd = forwardReturns(candles, 1, 3_600_000);
    expect(fwd[0]).toBeCloseTo(candles[1]!.close / candles[0]!.close - 1, 15);
    expect(fwd[4]).toBeNaN(); // bar 5 is missing
    expect(fwd[candles.length - 1]).toBeNaN();
    const two = forwardReturns(candles, 2, 3_600_000);
    expect(two[5]).toBeCloseTo(candles[7]!.close / candles[5]!.close - 1, 15);
  });
});
