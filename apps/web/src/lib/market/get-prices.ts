import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PricesResponse } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';
import { marketKeys } from './query-keys';

export const pricesQueryOptions = () =>
  queryOptions({
    queryKey: marketKeys.prices,
    queryFn: ({ signal }) => fetchJson<PricesResponse>('/api/market/prices', { signal }),
    staleTime: 30_000,
    refetchInterval: 60_000,
  });

/** Every symbol's ticker; /ws/prices keeps the rows current, the refetch only heals gaps. */
export function usePrices() {
  return useQuery(pricesQueryOptions());
}
