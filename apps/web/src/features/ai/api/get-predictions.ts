import { useQuery } from '@tanstack/react-query';
import type { PredictionsResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { REFRESH_MS, retryOnce } from './model-unavailable';

export const predictionsKey = (symbol: string) => [USER_QUERY_ROOT, 'ai', 'predictions', symbol] as const;

/** GET /api/ai/predictions: the latest stored predictions with their outcome once scored. */
export function usePredictions(symbol = '', limit = 20) {
  const api = useApiClient();
  const params = new URLSearchParams({ limit: String(limit) });
  if (symbol) params.set('symbol', symbol);
  return useQuery({
    queryKey: predictionsKey(symbol),
    queryFn: ({ signal }) => api.request<PredictionsResponse>(`/api/ai/predictions?${params.toString()}`, { auth: true, signal }),
    retry: retryOnce,
    refetchInterval: REFRESH_MS,
  });
}
