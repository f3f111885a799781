import { useQuery } from '@tanstack/react-query';
import type { AnalysisResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { nextRefreshMs, retryOnce } from './model-unavailable';

export const analysisKey = (symbol: string, language: string) => [USER_QUERY_ROOT, 'ai', 'analysis', symbol, language] as const;

/** GET /api/ai/analysis: indicators, trend and a summary written in the user's language. */
export function useAnalysis(symbol: string, enabled = true) {
  const api = useApiClient();
  const { language } = useI18n();
  return useQuery({
    queryKey: analysisKey(symbol, language),
    queryFn: ({ signal }) =>
      api.request<AnalysisResponse>(`/api/ai/analysis?symbol=${encodeURIComponent(symbol)}`, {
        auth: true,
        signal,
        headers: { 'Accept-Language': language },
      }),
    enabled: enabled && symbol !== '',
    retry: retryOnce,
    refetchInterval: (query) => nextRefreshMs(query.state.error),
  });
}
