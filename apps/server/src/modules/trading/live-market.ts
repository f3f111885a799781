/**
 * The live market of a symbol, as the projector keeps it in the cache (the ticker hash).
 * Orders take their fill price from here; with no price yet there is nothing honest to
 * trade at, so the order is refused with NO_PRICE instead of being filled at a guess.
 */
import type { SymbolInfo } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import { dec } from '@cryptosim/trading-rules';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { SymbolRegistry } from '../../ports/market/market-source.js';
import { tickerFromHash, tickerKey } from '../market/index.js';
import type { MarketSnapshot } from './domain/order-model.js';

export function knownSymbolInfo(symbols: SymbolRegistry, symbol: string): SymbolInfo {
  const info = symbols.get(symbol);
  if (!info) throw new AppError('UNKNOWN_SYMBOL', 404, `Unknown symbol ${symbol}`);
  return info;
}

/** Recent USDT volume (24 h base volume × price) sizes the slippage. */
export function snapshotOf(price: string, volume24h: string): MarketSnapshot {
  const p = dec(price);
  return { price: p, quoteVolume: dec(volume24h).times(p) };
}

export async function liveMarket(cache: CachePort, symbol: string): Promise<MarketSnapshot> {
  const hash = await cache.hgetall(tickerKey(symbol));
  const row = tickerFromHash(hash, Date.now());
  // A live world's price that stopped updating (Binance unreachable) is no price to fill at.
  // A replay's prices carry the file's times, so only a live feed's age says anything.
  if (row?.stale && hash.source === 'binance') {
    throw new AppError('NO_PRICE', 503, `The live price of ${symbol} is stale: Binance is not reachable; try again when the feed is back.`, undefined, { 'retry-after': '10' });
  }
  if (!row) throw new AppError('NO_PRICE', 503, `There is no live price for ${symbol} yet; try again when the market feed has delivered one.`, undefined, { 'retry-after': '5' });
  return snapshotOf(row.price, row.volume24h);
}
