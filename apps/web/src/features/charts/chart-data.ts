import type { Candle } from '@cryptosim/contracts';
import type { CandlestickData, HistogramData, LineData, UTCTimestamp, WhitespaceData } from 'lightweight-charts';
import { bollingerSeries, emaSeries, rsiSeries, smaSeries, type Series } from './indicator-series';

export const toTime = (openTime: number) => (openTime / 1000) as UTCTimestamp;

export type IndicatorId = 'sma' | 'ema' | 'bollinger' | 'rsi';
export const INDICATORS: readonly IndicatorId[] = ['sma', 'ema', 'bollinger', 'rsi'];

/** Periods shown in the toggles' labels (chart.sma = "SMA 20", …). */
export const PERIODS = { sma: 20, ema: 50, bollinger: 20, bollingerWidth: 2, rsi: 14 } as const;

export interface ChartSeriesData {
  candles: CandlestickData<UTCTimestamp>[];
  volumes: HistogramData<UTCTimestamp>[];
  lines: Record<'sma' | 'ema' | 'bbUpper' | 'bbMiddle' | 'bbLower' | 'rsi', Array<LineData<UTCTimestamp> | WhitespaceData<UTCTimestamp>>>;
}

/**
 * Decimal strings become numbers here, at the edge of the chart library, which plots doubles;
 * the legend reads the original strings, so the figures a user reads stay exact.
 */
export function toChartData(source: readonly Candle[], colours: { up: string; down: string }): ChartSeriesData {
  const times = source.map((c) => toTime(c.openTime));
  const closes = source.map((c) => Number(c.close));
  const line = (series: Series) => series.map((value, i) => (value === null ? { time: times[i]! } : { time: times[i]!, value }));
  const bands = bollingerSeries(closes, PERIODS.bollinger, PERIODS.bollingerWidth);
  return {
    candles: source.map((c, i) => ({ time: times[i]!, open: Number(c.open), high: Number(c.high), low: Number(c.low), close: closes[i]! })),
    volumes: source.map((c, i) => ({
      time: times[i]!,
      value: Number(c.volume),
      color: Number(c.close) >= Number(c.open) ? colours.up : colours.down,
    })),
    lines: {
      sma: line(smaSeries(closes, PERIODS.sma)),
      ema: line(emaSeries(closes, PERIODS.ema)),
      bbUpper: line(bands.upper),
      bbMiddle: line(bands.middle),
      bbLower: line(bands.lower),
      rsi: line(rsiSeries(closes, PERIODS.rsi)),
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
