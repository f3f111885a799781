/**
 * How each default symbol behaves in the simulator. Start prices are recent real levels
 * (BTC, ETH, SOL, XRP: the last 1h closes of 2026-05-15 in ../shared/data/market; BNB: its
 * last 1m close of 2026-04-21; the other five are approximate levels of that period).
 * Volatilities and volumes are fitted to those files' 1m candles where they exist.
 */
export interface SymbolProfile {
  startPrice: number;
  /** Annualized volatility of log returns. */
  annualVol: number;
  /** Correlation of the symbol's shocks with the market (BTC) factor. */
  btcCorrelation: number;
  /** Typical base-asset volume of one minute. */
  volumePerMinute: number;
}

export const SYMBOL_PROFILES: Record<string, SymbolProfile> = {
  BTCUSDT: { startPrice: 79113.21, annualVol: 0.42, btcCorrelation: 1, volumePerMinute: 12 },
  ETHUSDT: { startPrice: 2224.66, annualVol: 0.53, btcCorrelation: 0.82, volumePerMinute: 210 },
  BNBUSDT: { startPrice: 631.72, annualVol: 0.35, btcCorrelation: 0.7, volumePerMinute: 83 },
  SOLUSDT: { startPrice: 89.24, annualVol: 0.57, btcCorrelation: 0.75, volumePerMinute: 1960 },
  XRPUSDT: { startPrice: 1.434, annualVol: 0.46, btcCorrelation: 0.68, volumePerMinute: 67600 },
  DOGEUSDT: { startPrice: 0.105, annualVol: 0.65, btcCorrelation: 0.7, volumePerMinute: 760000 },
  ADAUSDT: { startPrice: 0.26, annualVol: 0.6, btcCorrelation: 0.7, volumePerMinute: 115000 },
  TRXUSDT: { startPrice: 0.33, annualVol: 0.35, btcCorrelation: 0.45, volumePerMinute: 60000 },
  AVAXUSDT: { startPrice: 9.5, annualVol: 0.65, btcCorrelation: 0.72, volumePerMinute: 1600 },
  LINKUSDT: { startPrice: 9.2, annualVol: 0.6, btcCorrelation: 0.72, volumePerMinute: 2200 },
};

/** For a symbol without a profile: a generic alt, if a start price is configured for it. */
export function profileFor(symbol: string, startPrices: Record<string, number>): SymbolProfile | undefined {
  const known = SYMBOL_PROFILES[symbol];
  const startPrice = startPrices[symbol] ?? known?.startPrice;
  if (startPrice === undefined) return undefined;
  return { ...(known ?? { annualVol: 0.7, btcCorrelation: 0.6, volumePerMinute: 50_000 / startPrice }), startPrice };
}
