import { BollingerBands, EMA, RSI, SMA } from 'trading-signals';

/** A value per input point; null until the indicator has enough points (the chart leaves a gap). */
export type Series = Array<number | null>;

export interface BandSeries {
  middle: Series;
  upper: Series;
  lower: Series;
}

/**
 * Chart indicators from the trading-signals library, the one the server's analysis uses, so a
 * figure on the chart and one the server quotes are computed the same way. A value counts only
 * once the indicator is stable: an EMA before `period` closes is mostly its first price.
 */
function run(indicator: { add(price: number): number | null; isStable: boolean }, closes: readonly number[]): Series {
  return closes.map((close) => {
    const value = indicator.add(close);
    return indicator.isStable && value !== null && Number.isFinite(value) ? value : null;
  });
}

export const smaSeries = (closes: readonly number[], period: number): Series => run(new SMA(period), closes);
export const emaSeries = (closes: readonly number[], period: number): Series => run(new EMA(period), closes);
export const rsiSeries = (closes: readonly number[], period: number): Series => run(new RSI(period), closes);

export function bollingerSeries(closes: readonly number[], period: number, width: number): BandSeries {
  const bands = new BollingerBands(period, width);
  const out: BandSeries = { middle: [], upper: [], lower: [] };
  for (const close of closes) {
    const value = bands.add(close);
    out.middle.push(value?.middle ?? null);
    out.upper.push(value?.upper ?? null);
    out.lower.push(value?.lower ?? null);
  }
  return out;
}
