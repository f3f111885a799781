import type { Interval } from '@cryptosim/contracts';

/**
 * Query keys shared by the REST hooks and the live feed that writes into the same entries.
 * History keys end with the limit, so a 24-candle sparkline and a 500-candle chart of the
 * same symbol and interval are separate entries that the feed updates together.
 */
export const marketKeys = {
  prices: ['prices'] as const,
  status: ['market-status'] as const,
  symbols: ['symbols'] as const,
  historyOf: (symbol: string) => ['history', symbol] as const,
  history: (symbol: string, interval: Interval, limit: number) => ['history', symbol, interval, limit] as const,
};
