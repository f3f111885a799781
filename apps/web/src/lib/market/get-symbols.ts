import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SymbolsResponse } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';
import { marketKeys } from './query-keys';

/** Exchange rules change rarely: fetched once per page load. */
export const symbolsQueryOptions = () =>
  queryOptions({
    queryKey: marketKeys.symbols,
    queryFn: ({ signal }) => fetchJson<SymbolsResponse>('/api/market/symbols', { signal }),
    staleTime: Infinity,
  });

export function useSymbols() {
  return useQuery(symbolsQueryOptions());
}
