/**
 * GET /api/portfolio/performance: the equity curve of a range and its metrics. The caller
 * loads the snapshots and fills from `rangeStart(range, now)` on; for `all` it may put the
 * run's start (initial balance) first so the total return counts from the very beginning.
 */
import type { PerformanceRange, PerformanceResponse } from '@cryptosim/contracts';
import { Dec, toDecimalString } from '@cryptosim/trading-rules';
import { maxDrawdownPercent, sharpeRatio, totalReturnPercent, type EquitySample } from './equity-metrics.js';
import { percentOf } from './value-position.js';

export interface TradeSample {
  time: number;
  side: 'BUY' | 'SELL';
  /** Sells: realized P&L net of the fee; null for buys. */
  realizedPnl: Dec | null;
  /** In USDT: every fill's fee is charged in the quote asset, buys and sells alike. */
  fee: Dec;
}

export interface PerformanceMetricsValue {
  totalReturnPercent: Dec;
  maxDrawdownPercent: Dec;
  sharpe: Dec | null;
  /** % of sells with realized P&L > 0; null with no sells. */
  winRate: Dec | null;
  trades: number;
  /** Σ fee of the fills, USDT. */
  feesPaid: Dec;
}

const RANGE_MS: Record<PerformanceRange, number | null> = {
  '1d': 86_400_000,
  '1w': 7 * 86_400_000,
  '1m': 30 * 86_400_000,
  all: null,
};

/** epoch ms where a range begins, or null for everything. */
export function rangeStart(range: PerformanceRange, now: number): number | null {
  const span = RANGE_MS[range];
  return span === null ? null : now - span;
}

export function winRate(trades: readonly TradeSample[]): Dec | null {
  const sells = trades.filter((t) => t.side === 'SELL');
  if (sells.length === 0) return null;
  const wins = sells.filter((t) => t.realizedPnl !== null && t.realizedPnl.gt(0)).length;
  return percentOf(new Dec(wins), new Dec(sells.length));
}

export function computePerformance(curve: readonly EquitySample[], trades: readonly TradeSample[]): PerformanceMetricsValue {
  return {
    totalReturnPercent: totalReturnPercent(curve),
    maxDrawdownPercent: maxDrawdownPercent(curve),
    sharpe: sharpeRatio(curve),
    winRate: winRate(trades),
    trades: trades.length,
    feesPaid: trades.reduce((sum, t) => sum.plus(t.fee), new Dec(0)),
  };
}

/**
 * At most `maxPoints` samples for the chart: the curve is cut into equal runs and each run
 * keeps its last sample, so the newest value is always shown; the first sample is kept too.
 */
export function downsample(curve: readonly EquitySample[], maxPoints: number): EquitySample[] {
  if (maxPoints < 2) throw new RangeError('maxPoints must be at least 2');
  if (curve.length <= maxPoints) return [...curve];
  const stride = Math.ceil((curve.length - 1) / (maxPoints - 1));
  const kept: EquitySample[] = [];
  for (let i = curve.length - 1; i > 0; i -= stride) kept.push(curve[i]!);
  kept.push(curve[0]!);
  return kept.reverse();
}

export function toPerformanceResponse(curve: readonly EquitySample[], metrics: PerformanceMetricsValue): PerformanceResponse {
  return {
    equity: curve.map((s) => ({ time: s.time, value: toDecimalString(s.value) })),
    metrics: {
      totalReturnPercent: toDecimalString(metrics.totalReturnPercent),
      maxDrawdownPercent: toDecimalString(metrics.maxDrawdownPercent),
      sharpe: metrics.sharpe === null ? null : toDecimalString(metrics.sharpe),
      winRate: metrics.winRate === null ? null : toDecimalString(metrics.winRate),
      trades: metrics.trades,
      feesPaid: toDecimalString(metrics.feesPaid),
    },
  };
}
