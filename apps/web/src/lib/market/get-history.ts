import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { HistoryResponse, Interval } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';
import { marketKeys } from './query-keys';

export function getHistory(symbol: string, interval: Interval, limit: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ symbol, interval, limit: String(limit) });
  return fetchJson<HistoryResponse>(`/api/market/history?${query}`, signal ? { signal } : {});
}

export const historyQueryOptions = (symbol: string, interval: Interval, limit: number) =>
  queryOptions({
    queryKey: marketKeys.history(symbol, interval, limit),
    queryFn: ({ signal }) => getHistory(symbol, interval, limit, signal),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

/** Candles oldest first; the live feed updates the last one, so no polling is needed. */
export function useHistory(symbol: string, interval: Interval, limit: number, { keepPrevious = false } = {}) {
  return useQuery({
    ...historyQueryOptions(symbol, interval, limit),
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
}
