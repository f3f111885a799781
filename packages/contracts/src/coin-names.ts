/**
 * What people call the listed coins, in Korean (as Korean exchanges write them) and English, so
 * the markets list and the switcher find "비트" or "bitcoin" as well as "BTC". Keyed by base asset.
 */
export interface CoinName {
  ko: string;
  en: string;
}

export const COIN_NAMES: Readonly<Record<string, CoinName>> = {
  BTC: { ko: '비트코인', en: 'Bitcoin' },
  ETH: { ko: '이더리움', en: 'Ethereum' },
  BNB: { ko: '바이낸스코인', en: 'BNB' },
  SOL: { ko: '솔라나', en: 'Solana' },
  XRP: { ko: '리플', en: 'XRP' },
  DOGE: { ko: '도지코인', en: 'Dogecoin' },
  ADA: { ko: '에이다', en: 'Cardano' },
  TRX: { ko: '트론', en: 'TRON' },
  AVAX: { ko: '아발란체', en: 'Avalanche' },
  LINK: { ko: '체인링크', en: 'Chainlink' },
};

const QUOTE_SUFFIX = /(USDT|USDC|BUSD|BTC|ETH)$/;

/** The coin of a symbol (BTCUSDT → BTC); the symbol itself when no quote asset is recognised. */
export function baseAssetOf(symbol: string): string {
  const base = symbol.replace(QUOTE_SUFFIX, '');
  return base === '' ? symbol : base;
}

/** The coin's names, or undefined for a symbol the map does not know (it is then found by symbol only). */
export function coinNameOf(symbol: string): CoinName | undefined {
  return COIN_NAMES[baseAssetOf(symbol)];
}
