import type { MarketStatus, PriceRow, PricesResponse } from '@cryptosim/contracts';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { readFeedStatus, tickerFromHash, tickerKey } from './projector/cache-layout.js';

type Source = MarketStatus['source'];

/**
 * Latest tickers from the cache, in the order asked. A symbol the feed has not priced yet
 * is left out rather than invented.
 */
export async function getPrices(cache: CachePort, symbols: string[], fallbackSource: Source, now = Date.now()): Promise<PricesResponse> {
  const [status, hashes] = await Promise.all([readFeedStatus(cache), Promise.all(symbols.map((s) => cache.hgetall(tickerKey(s))))]);
  const prices = hashes.map((h) => tickerFromHash(h, now)).filter((row): row is PriceRow => row !== null);
  return { source: status.source ?? fallbackSource, prices };
}
