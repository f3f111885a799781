/**
 * The live market of a symbol, as the market module's tradable price read gives it. Orders
 * take their fill price from here; with no price to trade at they are refused with NO_PRICE
 * instead of being filled at a guess.
 */
import type { SymbolInfo } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import { dec } from '@cryptosim/trading-rules';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { SymbolRegistry } from '../../ports/market/market-source.js';
import { readTradablePrice } from '../market/index.js';
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

/** NO_PRICE (market's rule: none yet, or a live price gone stale) instead of a guess. */
export async function liveMarket(cache: CachePort, symbol: string): Promise<MarketSnapshot> {
  const row = await readTradablePrice(cache, symbol);
  return snapshotOf(row.price, row.volume24h);
}
