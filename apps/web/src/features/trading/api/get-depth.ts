import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DepthResponse } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';

/** The server caches Binance's book for ~1 s; polling at 2 s keeps the panel live without hammering it. */
export const DEPTH_POLL_MS = 2_000;

export const depthQueryOptions = (symbol: string, limit: number) =>
  queryOptions({
    queryKey: ['depth', symbol, limit] as const,
    queryFn: ({ signal }) =>
      fetchJson<DepthResponse>(`/api/market/depth?symbol=${encodeURIComponent(symbol)}&limit=${limit}`, { signal }),
    refetchInterval: DEPTH_POLL_MS,
    // Keeps the last book on screen between polls and across a failed one.
    staleTime: DEPTH_POLL_MS,
  });

/** Binance's order book for `symbol`; only asked while `enabled` (the market source is Binance). */
export function useDepth(symbol: string, limit: number, enabled: boolean) {
  return useQuery({ ...depthQueryOptions(symbol, limit), enabled });
}
