import { sma, type Series } from './sma';

/**
 * Exponential moving average with smoothing 2 / (period + 1), seeded with the SMA of the
 * first `period` values (the usual convention, so the first value does not dominate).
 */
export function ema(values: readonly number[], period: number): Series {
  const seed = sma(values.slice(0, period), period)[period - 1] ?? null;
  const k = 2 / (period + 1);
  const out: Series = [];
  let previous: number | null = null;
  values.forEach((value, i) => {
    if (i < period - 1) out.push(null);
    else if (i === period - 1) out.push((previous = seed));
    else out.push((previous = value * k + previous! * (1 - k)));
  });
  return out;
}
