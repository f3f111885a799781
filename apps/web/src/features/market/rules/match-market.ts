import { baseAssetOf, coinNameOf } from '@cryptosim/contracts';

/** Lower case without spaces, so "Bit Coin", "bitcoin" and "BITCOIN" read alike. */
function normalise(text: string): string {
  return text.toLocaleLowerCase('en').replace(/\s+/g, '');
}

/**
 * Whether a symbol answers a search: by symbol ("btc", "btcusdt") or by the coin's Korean or
 * English name ("비트", "bitcoin"), whatever the UI language. A blank query matches everything.
 */
export function matchesMarket(symbol: string, query: string): boolean {
  const q = normalise(query);
  if (q === '') return true;
  const name = coinNameOf(symbol);
  const haystacks = [symbol, baseAssetOf(symbol), name?.ko ?? '', name?.en ?? ''];
  return haystacks.some((h) => normalise(h).includes(q));
}

/** The symbols that answer the query, starred ones first, otherwise in the given order. */
export function searchMarkets(symbols: readonly string[], query: string, starred: ReadonlySet<string> = new Set()): string[] {
  const found = symbols.filter((s) => matchesMarket(s, query));
  return [...found.filter((s) => starred.has(s)), ...found.filter((s) => !starred.has(s))];
}
