import Type, { type Static } from 'typebox';
import { SymbolName } from './decimal.js';

/** Symbols one user may star at once; one more is 409 WATCHLIST_FULL. */
export const MAX_WATCHLIST_SYMBOLS = 50;

/** GET /api/watchlist and the reply of PUT / DELETE: the user's starred symbols, oldest star first. */
export const WatchlistResponse = Type.Object({
  symbols: Type.Array(SymbolName, { maxItems: MAX_WATCHLIST_SYMBOLS }),
});
export type WatchlistResponse = Static<typeof WatchlistResponse>;

export const WatchlistParams = Type.Object({ symbol: SymbolName }, { additionalProperties: false });
export type WatchlistParams = Static<typeof WatchlistParams>;
