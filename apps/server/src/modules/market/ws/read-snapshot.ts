import type { KlineData, PriceChannel, PriceRow } from '@cryptosim/contracts';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import { klineFromHash, liveKlineKey, tickerFromHash, tickerKey } from '../projector/cache-layout.js';

export interface Snapshot {
  symbol: string;
  ticker: PriceRow | null;
  kline: KlineData | null;
}

/** The latest ticker and live candle of a symbol, for the channels the socket follows. */
export async function readSnapshot(cache: CachePort, symbol: string, channels: ReadonlySet<PriceChannel>): Promise<Snapshot> {
  const [ticker, kline] = await Promise.all([
    channels.has('ticker') ? cache.hgetall(tickerKey(symbol)) : undefined,
    channels.has('kline_1m') ? cache.hgetall(liveKlineKey(symbol)) : undefined,
  ]);
  return {
    symbol,
    ticker: ticker ? tickerFromHash(ticker, Date.now()) : null,
    kline: kline ? klineFromHash(kline) : null,
  };
}
