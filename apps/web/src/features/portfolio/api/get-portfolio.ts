import { useQuery } from '@tanstack/react-query';
import type { Portfolio } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { useIsSignedIn } from '@/lib/session';

export const portfolioKey = [USER_QUERY_ROOT, 'portfolio'] as const;

/** GET /api/portfolio for the signed-in user; idle while signed out. */
export function usePortfolio() {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useQuery({
    queryKey: portfolioKey,
    queryFn: ({ signal }) => api.request<Portfolio>('/api/portfolio', { auth: true, signal }),
    enabled: signedIn,
    refetchInterval: 15_000,
  });
}
