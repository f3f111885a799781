/**
 * Coin names and aliases in Korean and English, resolved against the market's own symbol list:
 * an alias only counts when its symbol is traded here, and every listed symbol is found by its
 * ticker (BTC, BTCUSDT) whether or not it has aliases below.
 */
import type { SymbolInfo } from '@cryptosim/contracts';

const ALIASES: Record<string, string[]> = {
  BTC: ['비트코인', '빗코', 'bitcoin', 'btc', 'xbt'],
  ETH: ['이더리움', '이더', 'ethereum', 'ether', 'eth'],
  XRP: ['리플', '엑스알피', 'ripple', 'xrp'],
  SOL: ['솔라나', 'solana', 'sol'],
  DOGE: ['도지코인', '도지', 'dogecoin', 'doge'],
  BNB: ['바이낸스코인', '바이낸스 코인', '비앤비', 'binance coin', 'bnb'],
  ADA: ['에이다', '카르다노', 'cardano', 'ada'],
  TRX: ['트론', 'tron', 'trx'],
  AVAX: ['아발란체', 'avalanche', 'avax'],
  LINK: ['체인링크', 'chainlink', 'link'],
  DOT: ['폴카닷', 'polkadot', 'dot'],
  LTC: ['라이트코인', 'litecoin', 'ltc'],
};

export interface CoinMention {
  symbol: string;
  baseAsset: string;
  /** Where in the text it was named (earliest first when several are). */
  index: number;
}

const isAsciiWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

function findWord(lower: string, alias: string): number {
  let from = 0;
  for (;;) {
    const at = lower.indexOf(alias, from);
    if (at < 0) return -1;
    // Latin aliases must stand alone ("eth" not inside "method"); Korean ones take particles ("비트코인을").
    const latin = /^[a-z0-9 ]+$/.test(alias);
    if (!latin || (!isAsciiWordChar(lower[at - 1]) && !isAsciiWordChar(lower[at + alias.length]))) return at;
    from = at + 1;
  }
}

/** The coins the text names, in the order it names them, each once. */
export function findCoins(text: string, symbols: readonly SymbolInfo[]): CoinMention[] {
  const lower = text.toLowerCase();
  const found = new Map<string, CoinMention>();
  for (const info of symbols) {
    const names = new Set([info.symbol.toLowerCase(), info.baseAsset.toLowerCase(), ...(ALIASES[info.baseAsset] ?? [])]);
    let best = -1;
    for (const name of names) {
      const at = findWord(lower, name);
      if (at >= 0 && (best < 0 || at < best)) best = at;
    }
    if (best >= 0) found.set(info.symbol, { symbol: info.symbol, baseAsset: info.baseAsset, index: best });
  }
  return [...found.values()].sort((a, b) => a.index - b.index);
}

/** A display name of the coin in the language (비트코인 / Bitcoin), or its ticker. */
export function coinName(baseAsset: string, lang: 'ko' | 'en'): string {
  const aliases = ALIASES[baseAsset];
  if (!aliases) return baseAsset;
  if (lang === 'ko') return aliases.find((a) => /[\uAC00-\uD7AF]/.test(a)) ?? baseAsset;
  const english = aliases.find((a) => /^[a-z ]+$/.test(a) && a.length > 4);
  return english ? english.replace(/\b[a-z]/g, (c) => c.toUpperCase()) : baseAsset;
}
