import { useQuery } from '@tanstack/react-query';
import type { Portfolio } from '@cryptosim/contracts';
import { ApiError, USER_QUERY_ROOT, useApiClient } from '../../../lib/api';
import { useIsSignedIn } from '../../../lib/session';

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
    // A server without the portfolio module answers 404: asking again will not change that.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
}
