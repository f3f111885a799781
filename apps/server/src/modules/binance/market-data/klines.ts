/**
 * Binance's kline rows: `[openTime, open, high, low, close, volume, closeTime, quoteVolume,
 * trades, takerBuyBase, takerBuyQuote, "0"]`. Our candles carry OHLC and base volume; the quote
 * volume is estimated as volume × the bar's mean of open, high, low and close, and the trade
 * count and taker volumes, which we do not record, are 0.
 */
import type { Candle, Interval } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import { BinanceError } from '../binance-error.js';
import { bdec } from '../binance-decimal.js';

export const KLINE_INTERVALS: readonly Interval[] = ['1m', '5m', '15m', '1h', '4h', '1d'];

export function klineInterval(raw: string): Interval {
  if (!(KLINE_INTERVALS as readonly string[]).includes(raw)) throw new BinanceError(-1120, 'Invalid interval.');
  return raw as Interval;
}

export function quoteVolumeOf(c: Pick<Candle, 'open' | 'high' | 'low' | 'close' | 'volume'>): Dec {
  const mean = new Dec(c.open).plus(c.high).plus(c.low).plus(c.close).div(4);
  return new Dec(c.volume).times(mean);
}

export function klineRow(c: Candle, intervalMs: number) {
  return [c.openTime, bdec(c.open), bdec(c.high), bdec(c.low), bdec(c.close), bdec(c.volume), c.openTime + intervalMs - 1, bdec(quoteVolumeOf(c)), 0, bdec('0'), bdec('0'), '0'] as const;
}
