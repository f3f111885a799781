/**
 * Binance's tape behind GET /api/market/trades. Every browser on the trading page polls it,
 * so, as with the book (get-depth.ts), one fetch per symbol is shared through the cache for
 * ~1 s across API processes, and concurrent misses in one process share one REST call.
 */
import type { MarketTrade, TradesResponse } from '@cryptosim/contracts';
import { AppError } from '../../../kernel/app-error.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';

export const TRADES_CACHE_MS = 1_000;
/** Always the most the API serves, cut per request, so every limit shares one cached tape. */
export const TRADES_FETCH_LIMIT = 100;

export interface TradesFetcher {
  trades(symbol: string, limit: number): Promise<MarketTrade[]>;
}

export interface TradesDeps {
  cache: CachePort;
  binance: TradesFetcher;
  now?: () => number;
}

const inFlight = new Map<string, Promise<TradesResponse>>();

async function fetchTape(deps: TradesDeps, symbol: string, key: string): Promise<TradesResponse> {
  let trades: MarketTrade[];
  try {
    trades = await deps.binance.trades(symbol, TRADES_FETCH_LIMIT);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('SERVICE_UNAVAILABLE', 503, `Binance's recent trades could not be fetched right now (${reason}); try again shortly.`);
  }
  const body: TradesResponse = { symbol, source: 'binance', trades, updatedAt: (deps.now ?? Date.now)() };
  // A cache outage must not hide a tape we already have: serve it uncached.
  await deps.cache.set(key, JSON.stringify(body), TRADES_CACHE_MS).catch(() => undefined);
  return body;
}

/** The `limit` (≤ TRADES_FETCH_LIMIT) most recent trades, newest first; `symbol` must already be known. */
export async function getRecentTrades(deps: TradesDeps, symbol: string, limit: number): Promise<TradesResponse> {
  const key = `market:trades:${symbol}`;
  const hit = await deps.cache.get(key).catch(() => null);
  let tape: TradesResponse;
  if (hit) tape = JSON.parse(hit) as TradesResponse;
  else {
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchTape(deps, symbol, key).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    tape = await pending;
  }
  return { ...tape, trades: tape.trades.slice(0, limit) };
}
