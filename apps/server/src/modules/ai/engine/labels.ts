/**
 * Labels: the return from the close of bar t to the close of bar t + horizon against ±θ.
 * θ is fitted per symbol on the training window so the three classes are roughly balanced.
 */
import type { Candle } from './candles.js';

/**
 * The class order of this engine's models (the seed's label encoder): class index k of an
 * XGBoost `multi:softprob` model trained here is CLASSES[k]. An imported model may list its
 * classes in another order (e.g. scikit-learn's alphabetical DOWN, FLAT, UP); the artifact
 * stores its own order and the evaluator maps by name.
 */
export const CLASSES = ['UP', 'DOWN', 'FLAT'] as const;
export type Direction = (typeof CLASSES)[number];

export const UP = 0;
export const DOWN = 1;
export const FLAT = 2;

/** `UP` above +θ, `DOWN` below −θ, `FLAT` in between (inclusive). */
export function labelFor(ret: number, theta: number): Direction {
  return CLASSES[labelIndex(ret, theta)]!;
}

export function labelIndex(ret: number, theta: number): number {
  if (!Number.isFinite(ret)) throw new Error(`cannot label a non-finite return (${ret})`);
  if (!(theta >= 0)) throw new Error(`θ must be a non-negative number (got ${theta})`);
  return ret > theta ? UP : ret < -theta ? DOWN : FLAT;
}

/**
 * θ such that about a third of the returns are FLAT (|r| ≤ θ); the rest splits by sign, so on
 * a market without drift each class has about a third.
 */
export function fitTheta(returns: ArrayLike<number>): number {
  const abs: number[] = [];
  for (let i = 0; i < returns.length; i++) {
    const r = returns[i]!;
    if (Number.isFinite(r)) abs.push(Math.abs(r));
  }
  if (abs.length === 0) throw new Error('cannot fit θ without returns');
  abs.sort((a, b) => a - b);
  return abs[Math.min(abs.length - 1, Math.floor(abs.length / 3))]!;
}

/**
 * close[t + h] / close[t] − 1 for every bar, where t + h is found by time (open time + h
 * intervals): NaN when that bar is missing (a gap) or not there yet.
 */
export function forwardReturns(candles: readonly Candle[], horizon: number, intervalMs: number): Float64Array {
  return shiftedReturns(candles, horizon, intervalMs, 1);
}

/** close[t] / close[t − h] − 1 (the persistence baseline's "last bar's label"), NaN where t − h is missing. */
export function backwardReturns(candles: readonly Candle[], horizon: number, intervalMs: number): Float64Array {
  return shiftedReturns(candles, horizon, intervalMs, -1);
}

function shiftedReturns(candles: readonly Candle[], horizon: number, intervalMs: number, direction: 1 | -1): Float64Array {
  const out = new Float64Array(candles.length).fill(Number.NaN);
  const byTime = new Map<number, number>();
  candles.forEach((c, i) => byTime.set(c.openTime, i));
  for (let i = 0; i < candles.length; i++) {
    const c = candles[i]!;
    const j = byTime.get(c.openTime + direction * horizon * intervalMs);
    if (j === undefined) continue;
    const other = candles[j]!;
    out[i] = direction === 1 ? other.close / c.close - 1 : c.close / other.close - 1;
  }
  return out;
}
