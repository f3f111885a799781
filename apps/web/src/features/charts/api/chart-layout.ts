import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChartLayout } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { useIsSignedIn } from '@/lib/session';

export const chartLayoutKey = [USER_QUERY_ROOT, 'chart-layout'] as const;

/** GET /api/auth/chart-layout: the signed-in user's saved layout (the default until saved). */
export function useSavedChartLayout() {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useQuery({
    queryKey: chartLayoutKey,
    queryFn: ({ signal }) => api.request<ChartLayout>('/api/auth/chart-layout', { auth: true, signal }),
    enabled: signedIn,
    staleTime: Infinity,
  });
}

/** PUT /api/auth/chart-layout; the cache takes the stored layout. */
export function useSaveChartLayout() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (layout: ChartLayout) => api.request<ChartLayout>('/api/auth/chart-layout', { method: 'PUT', auth: true, json: layout }),
    onSuccess: (stored) => queryClient.setQueryData(chartLayoutKey, stored),
  });
}
