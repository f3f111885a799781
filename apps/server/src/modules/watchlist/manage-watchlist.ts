import { MAX_WATCHLIST_SYMBOLS, type WatchlistResponse } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { SymbolRegistry } from '../../ports/market/market-source.js';
import type { Database } from '../../ports/db/db-port.js';
import { addToWatchlistWithin, listWatchlist, removeFromWatchlist } from './watchlist-repository.js';

export interface WatchlistDeps {
  db: Database;
  symbols: SymbolRegistry;
}

/** Stars of symbols this server no longer lists stay stored (they return if it lists them again) but are not shown. */
export async function getWatchlist(deps: WatchlistDeps, userId: number): Promise<WatchlistResponse> {
  return { symbols: (await listWatchlist(deps.db, userId)).filter((symbol) => deps.symbols.get(symbol) !== undefined) };
}

/** Idempotent: starring a starred symbol answers the same list. */
export async function addToWatchlist(deps: WatchlistDeps, userId: number, symbol: string): Promise<WatchlistResponse> {
  if (!deps.symbols.get(symbol)) throw new AppError('UNKNOWN_SYMBOL', 404, `Unknown symbol ${symbol}`);
  if (!(await addToWatchlistWithin(deps.db, userId, symbol, MAX_WATCHLIST_SYMBOLS))) {
    throw new AppError('WATCHLIST_FULL', 409, `Your watchlist already holds ${MAX_WATCHLIST_SYMBOLS} symbols; remove one first.`);
  }
  return getWatchlist(deps, userId);
}

/** Idempotent as well; any well-formed symbol may be removed, so a star left from an earlier listing can go. */
export async function dropFromWatchlist(deps: WatchlistDeps, userId: number, symbol: string): Promise<WatchlistResponse> {
  await removeFromWatchlist(deps.db, userId, symbol);
  return getWatchlist(deps, userId);
}
