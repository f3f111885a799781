import { useQuery } from '@tanstack/react-query';
import type { ModelsResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { retryOnce } from './model-unavailable';

export const modelsKey = [USER_QUERY_ROOT, 'ai', 'models'] as const;

/** GET /api/ai/models: the registry, newest first (the first page is plenty for the list). */
export function useModels() {
  const api = useApiClient();
  return useQuery({
    queryKey: modelsKey,
    queryFn: ({ signal }) => api.request<ModelsResponse>('/api/ai/models?limit=50', { auth: true, signal }),
    retry: retryOnce,
  });
}
