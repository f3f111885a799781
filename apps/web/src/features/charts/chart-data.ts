import { DEFAULT_INDICATOR_PERIODS, type Candle, type ChartIndicator, type IndicatorPeriods } from '@cryptosim/contracts';
import type { CandlestickData, HistogramData, LineData, UTCTimestamp, WhitespaceData } from 'lightweight-charts';
import { bollingerSeries, emaSeries, rsiSeries, smaSeries, type Series } from './indicator-series';

export const toTime = (openTime: number) => (openTime / 1000) as UTCTimestamp;

export type IndicatorId = ChartIndicator;
export const INDICATORS: readonly IndicatorId[] = ['sma', 'ema', 'bollinger', 'rsi'];

export interface ChartSeriesData {
  candles: CandlestickData<UTCTimestamp>[];
  volumes: HistogramData<UTCTimestamp>[];
  lines: Record<'sma' | 'ema' | 'bbUpper' | 'bbMiddle' | 'bbLower' | 'rsi', Array<LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>>>;
}

/**
 * Decimal strings become numbers here, at the edge of the chart library, which plots doubles;
 * the legend reads the original strings, so the figures a user reads stay exact.
 */
export function toChartData(source: readonly Candle[], colours: { up: string; down: string }, periods: IndicatorPeriods = DEFAULT_INDICATOR_PERIODS): ChartSeriesData {
  const times = source.map((c) => toTime(c.openTime));
  const closes = source.map((c) => Number(c.close));
  const line = (series: Series) => series.map((value, i) => (value === null ? { time: times[i]! } : { time: times[i]!, value }));
  const bands = bollingerSeries(closes, periods.bollinger, periods.bollingerWidth);
  return {
    candles: source.map((c, i) => ({ time: times[i]!, open: Number(c.open), high: Number(c.high), low: Number(c.low), close: closes[i]! })),
    volumes: source.map((c, i) => ({
      time: times[i]!,
      value: Number(c.volume),
      color: Number(c.close) >= Number(c.open) ? colours.up : colours.down,
    })),
    lines: {
      sma: line(smaSeries(closes, periods.sma)),
      ema: line(emaSeries(closes, periods.ema)),
      bbUpper: line(bands.upper),
      bbMiddle: line(bands.middle),
      bbLower: line(bands.lower),
      rsi: line(rsiSeries(closes, periods.rsi)),
    },
  };
}

/** Whether `next` only moved or added the newest candle, so the chart can update in place. */
export function isTailUpdate(previous: readonly Candle[], next: readonly Candle[]): boolean {
  if (previous.length === 0 || next.length === 0) return false;
  if (next.length === previous.length) return previous[0]!.openTime === next[0]!.openTime;
  if (next.length === previous.length + 1) return previous[0]!.openTime === next[0]!.openTime;
  // A capped cache drops the oldest candle as it appends one.
  return next.length === previous.length && previous[1]?.openTime === next[0]!.openTime;
}
