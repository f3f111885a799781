import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PerformanceRange, PerformanceResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';

export const performanceKey = (range: PerformanceRange) => [USER_QUERY_ROOT, 'performance', range] as const;

/** GET /api/portfolio/performance: the equity curve (minute snapshots) and its metrics. */
export function usePerformance(range: PerformanceRange) {
  const api = useApiClient();
  return useQuery({
    queryKey: performanceKey(range),
    queryFn: ({ signal }) => api.request<PerformanceResponse>(`/api/portfolio/performance?range=${range}`, { auth: true, signal }),
    // The previous range's curve stays on screen while the next one loads.
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
