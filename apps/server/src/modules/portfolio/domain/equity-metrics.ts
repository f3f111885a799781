/**
 * Metrics of an equity curve (cash + positions at market over time, oldest first).
 *
 * - Total return: last value against the first, in %.
 * - Max drawdown: the largest fall from a running peak, as % of that peak (0 for a curve
 *   that never falls).
 * - Sharpe: from daily returns, a day's close being its last sample (UTC days). Mean over
 *   sample standard deviation, risk-free rate 0, annualised with √365 because crypto trades
 *   every day of the year. null with fewer than two daily returns (three days) or no variation:
 *   a ratio over one return or a zero deviation says nothing.
 */
import { Dec } from '@cryptosim/trading-rules';
import { percentOf } from './value-position.js';

export interface EquitySample {
  /** epoch ms */
  time: number;
  value: Dec;
}

const DAY_MS = 86_400_000;
export const SHARPE_SCALE = 4;

export function totalReturnPercent(curve: readonly EquitySample[]): Dec {
  const first = curve[0];
  const last = curve[curve.length - 1];
  if (!first || !last) return new Dec(0);
  return percentOf(last.value.minus(first.value), first.value);
}

export function maxDrawdownPercent(curve: readonly EquitySample[]): Dec {
  let peak: Dec | null = null;
  let worst = new Dec(0);
  for (const { value } of curve) {
    if (peak === null || value.gt(peak)) peak = value;
    if (peak.gt(0)) {
      const drawdown = peak.minus(value).div(peak);
      if (drawdown.gt(worst)) worst = drawdown;
    }
  }
  return worst.times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP);
}

/** The last sample of each UTC day, oldest first. */
export function dailyCloses(curve: readonly EquitySample[]): Dec[] {
  const closes = new Map<number, EquitySample>();
  for (const sample of curve) {
    const day = Math.floor(sample.time / DAY_MS);
    const seen = closes.get(day);
    if (!seen || sample.time >= seen.time) closes.set(day, sample);
  }
  return [...closes.entries()].sort(([a], [b]) => a - b).map(([, s]) => s.value);
}

export function sharpeRatio(curve: readonly EquitySample[]): Dec | null {
  const closes = dailyCloses(curve);
  const returns: Dec[] = [];
  for (let i = 1; i < closes.length; i++) {
    const [prev, next] = [closes[i - 1]!, closes[i]!];
    if (prev.gt(0)) returns.push(next.div(prev).minus(1));
  }
  if (returns.length < 2) return null;
  const mean = returns.reduce((a, r) => a.plus(r), new Dec(0)).div(returns.length);
  const variance = returns.reduce((a, r) => a.plus(r.minus(mean).pow(2)), new Dec(0)).div(returns.length - 1);
  if (variance.isZero()) return null;
  return mean.div(variance.sqrt()).times(new Dec(365).sqrt()).toDecimalPlaces(SHARPE_SCALE, Dec.ROUND_HALF_UP);
}
