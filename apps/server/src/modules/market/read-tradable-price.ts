/**
 * The latest price a trade may use, from the projector's ticker hash. With no price yet there is
 * nothing honest to trade at; a live world's price that stopped updating (Binance unreachable)
 * is no price either. A simulated or replayed price is never refused for its age: a replay's
 * prices carry the file's times, so only a live feed's age says anything.
 */
import type { PriceRow } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { tickerFromHash, tickerKey } from './projector/cache-layout.js';

export async function readTradablePrice(cache: CachePort, symbol: string, now = Date.now()): Promise<PriceRow> {
  const hash = await cache.hgetall(tickerKey(symbol));
  const row = tickerFromHash(hash, now);
  if (row?.stale && hash.source === 'binance') {
    throw new AppError('NO_PRICE', 503, `The live price of ${symbol} is stale: Binance is not reachable; try again when the feed is back.`, undefined, { 'retry-after': '10' });
  }
  if (!row) throw new AppError('NO_PRICE', 503, `There is no live price for ${symbol} yet; try again when the market feed has delivered one.`, undefined, { 'retry-after': '5' });
  return row;
}
