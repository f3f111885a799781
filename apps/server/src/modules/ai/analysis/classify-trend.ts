/**
 * The trend label of the analysis, from the last closed bar: UP when the close is above the
 * SMA(20) and the SMA(20) above the EMA(50) (price and the short average both above the long
 * one); DOWN when both are below; SIDEWAYS otherwise, and while either average is missing.
 */
export type Trend = 'UP' | 'DOWN' | 'SIDEWAYS';

export function classifyTrend(close: number | undefined, sma20: number | null, ema50: number | null): Trend {
  if (close === undefined || sma20 === null || ema50 === null) return 'SIDEWAYS';
  if (close > sma20 && sma20 > ema50) return 'UP';
  if (close < sma20 && sma20 < ema50) return 'DOWN';
  return 'SIDEWAYS';
}
