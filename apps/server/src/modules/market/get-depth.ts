/**
 * The Binance order book behind GET /api/market/depth. Every browser on the trading page
 * polls it, so one fetched book is shared through the cache for ~1 s (across API processes)
 * and concurrent misses in one process share one REST call.
 */
import type { DepthResponse } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { BinanceDepth } from './sources/binance/parse-depth.js';

export const DEPTH_CACHE_MS = 1_000;
/**
 * We always fetch the deepest book our API serves and cut it per request, so every limit shares
 * one cached book per symbol; Binance weighs limits 1–100 the same.
 */
export const DEPTH_FETCH_LIMIT = 100;

export interface DepthFetcher {
  depth(symbol: string, limit: number): Promise<BinanceDepth>;
}

export interface DepthDeps {
  cache: CachePort;
  binance: DepthFetcher;
  now?: () => number;
}

const inFlight = new Map<string, Promise<DepthResponse>>();

async function fetchBook(deps: DepthDeps, symbol: string, key: string): Promise<DepthResponse> {
  let book: BinanceDepth;
  try {
    book = await deps.binance.depth(symbol, DEPTH_FETCH_LIMIT);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new AppError('SERVICE_UNAVAILABLE', 503, `Binance's order book could not be fetched right now (${reason}); try again shortly.`);
  }
  const body: DepthResponse = { symbol, source: 'binance', bids: book.bids, asks: book.asks, updatedAt: (deps.now ?? Date.now)() };
  // A cache outage must not hide a book we already have: serve it uncached.
  await deps.cache.set(key, JSON.stringify(body), DEPTH_CACHE_MS).catch(() => undefined);
  return body;
}

async function cachedBook(deps: DepthDeps, symbol: string): Promise<DepthResponse> {
  const key = `market:depth:${symbol}`;
  const hit = await deps.cache.get(key).catch(() => null);
  if (hit) return JSON.parse(hit) as DepthResponse;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = fetchBook(deps, symbol, key).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** The top `limit` (≤ DEPTH_FETCH_LIMIT) levels of each side; `symbol` must already be known. */
export async function getDepth(deps: DepthDeps, symbol: string, limit: number): Promise<DepthResponse> {
  const book = await cachedBook(deps, symbol);
  return { ...book, bids: book.bids.slice(0, limit), asks: book.asks.slice(0, limit) };
}
