import { Decimal } from 'decimal.js';
import type { SourceKline } from '../../../../ports/market/market-source.js';
import type { CsvCandle } from './read-candle-csv.js';

const MINUTE = 60_000;

/** One moment inside a replayed minute: the price there and the candle so far. */
export interface PathPoint {
  offsetMs: number;
  price: string;
  partial: Omit<SourceKline, 'symbol' | 'eventTime'>;
}

/**
 * The path a price plausibly took inside a candle: open, then the extreme nearer the open
 * (low first on an up candle), then the other extreme, then close. Every point is one of the
 * candle's own values, so ticks stay inside its range and the last one equals its close.
 */
export function candlePath(c: CsvCandle): PathPoint[] {
  const up = new Decimal(c.close).gte(c.open);
  const prices = up ? [c.open, c.low, c.high, c.close] : [c.open, c.high, c.low, c.close];
  const decimals = Math.max(0, new Decimal(c.volume).decimalPlaces());
  let high = c.open;
  let low = c.open;
  return prices.map((price, i) => {
    if (new Decimal(price).gt(high)) high = price;
    if (new Decimal(price).lt(low)) low = price;
    const share = (i + 1) / (prices.length + 1);
    return {
      offsetMs: (i * MINUTE) / prices.length,
      price,
      partial: {
        openTime: c.openTime,
        open: c.open,
        high,
        low,
        close: price,
        volume: new Decimal(c.volume).mul(share).toFixed(decimals, Decimal.ROUND_DOWN),
        closed: false,
      },
    };
  });
}
