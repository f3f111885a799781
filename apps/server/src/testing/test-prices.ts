/** Live prices for tests, written where the projector writes them. */
import type { CachePort } from '../ports/cache/cache-port.js';
import { tickerKey, type TickerHash } from '../modules/market/index.js';

/** Writes the latest ticker as the projector would (fresh updatedAt). */
export async function setPrice(cache: CachePort, symbol: string, price: string, volume24h = '100000000'): Promise<void> {
  const hash: Record<keyof TickerHash, string> = {
    symbol,
    price,
    open24h: price,
    high24h: price,
    low24h: price,
    volume24h,
    changePercent24h: '0',
    updatedAt: String(Date.now()),
    source: 'simulator',
  };
  await cache.hset(tickerKey(symbol), hash);
}
