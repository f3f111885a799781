import { sma, type Series } from './sma';

export interface BollingerBands {
  middle: Series;
  upper: Series;
  lower: Series;
}

/**
 * Bollinger bands: SMA(period) ± multiplier × standard deviation of the same window.
 * The deviation is the population one (divide by period), as Bollinger defined it and
 * TradingView and Binance compute it.
 */
export function bollinger(values: readonly number[], period = 20, multiplier = 2): BollingerBands {
  const middle = sma(values, period);
  const upper: Series = [];
  const lower: Series = [];
  middle.forEach((mean, i) => {
    if (mean === null) {
      upper.push(null);
      lower.push(null);
      return;
    }
    let squares = 0;
    for (let j = i - period + 1; j <= i; j++) squares += (values[j]! - mean) ** 2;
    const deviation = Math.sqrt(squares / period);
    upper.push(mean + multiplier * deviation);
    lower.push(mean - multiplier * deviation);
  });
  return { middle, upper, lower };
}
