import { useQuery } from '@tanstack/react-query';
import type { FeeRatesResponse } from '@cryptosim/contracts';
import { fetchJson } from '@/lib/api';

export const feeRatesKey = ['trading-fees'] as const;

/** GET /api/trading/fees (public): set from the server's config at start, so fetched once per page load. */
export function useFeeRates() {
  return useQuery({
    queryKey: feeRatesKey,
    queryFn: ({ signal }) => fetchJson<FeeRatesResponse>('/api/trading/fees', { signal }),
    staleTime: Infinity,
  });
}
