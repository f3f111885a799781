import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MarketStatus } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';
import { marketKeys } from './query-keys';

export const marketStatusQueryOptions = () =>
  queryOptions({
    queryKey: marketKeys.status,
    queryFn: ({ signal }) => fetchJson<MarketStatus>('/api/market/status', { signal }),
    refetchInterval: 15_000,
  });

export function useMarketStatus() {
  return useQuery(marketStatusQueryOptions());
}
