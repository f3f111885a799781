import { useQuery } from '@tanstack/react-query';
import type { PredictRequest, PredictResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { nextRefreshMs, retryOnce } from './model-unavailable';

export const predictionKey = (symbol: string) => [USER_QUERY_ROOT, 'ai', 'predict', symbol] as const;

/**
 * POST /api/ai/predict: the active model's estimate for the symbol's next bar. A read in
 * effect (the server stores it for scoring), so it is a query refreshed on an interval.
 */
export function usePrediction(symbol: string, enabled = true) {
  const api = useApiClient();
  return useQuery({
    queryKey: predictionKey(symbol),
    queryFn: ({ signal }) => {
      const body: PredictRequest = { symbol, horizon: '1h' };
      return api.request<PredictResponse>('/api/ai/predict', { method: 'POST', json: body, auth: true, signal });
    },
    enabled: enabled && symbol !== '',
    retry: retryOnce,
    refetchInterval: (query) => nextRefreshMs(query.state.error),
  });
}
