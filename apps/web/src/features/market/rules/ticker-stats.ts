import type { PriceRow } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';

export interface TickerStats {
  /** Last price minus the price 24 h ago, in the quote asset; signed. */
  change: string;
  /**
   * 24 h volume in the quote asset, estimated as base volume × last price: the live ticker
   * carries base volume only (the Binance-compatible face estimates it the same way).
   */
  quoteVolume: string;
}

export function tickerStats(row: Pick<PriceRow, 'price' | 'open24h' | 'volume24h'>): TickerStats {
  const price = new Dec(row.price);
  return {
    change: price.minus(row.open24h).toFixed(),
    quoteVolume: price.times(row.volume24h).toFixed(2),
  };
}
