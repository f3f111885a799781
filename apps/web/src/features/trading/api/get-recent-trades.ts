import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TradesResponse } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';

/** The server fetches Binance's tape at most once a second per symbol; 2 s polling keeps the panel live. */
export const TRADES_POLL_MS = 2_000;

export const recentTradesQueryOptions = (symbol: string, limit: number) =>
  queryOptions({
    queryKey: ['market-trades', symbol, limit] as const,
    queryFn: ({ signal }) => fetchJson<TradesResponse>(`/api/market/trades?symbol=${encodeURIComponent(symbol)}&limit=${limit}`, { signal }),
    refetchInterval: TRADES_POLL_MS,
    staleTime: TRADES_POLL_MS,
  });

/** Binance's recent trades of `symbol`; only asked while `enabled` (the market source is Binance). */
export function useRecentTrades(symbol: string, limit: number, enabled: boolean) {
  return useQuery({ ...recentTradesQueryOptions(symbol, limit), enabled });
}
