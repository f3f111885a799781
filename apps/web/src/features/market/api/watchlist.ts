import { useMemo } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WatchlistResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { useIsSignedIn } from '@/lib/session';

// Under the user root: signing out drops it with the rest of the user's data.
export const watchlistKey = [USER_QUERY_ROOT, 'watchlist'] as const;

/** GET /api/watchlist for the signed-in user; idle while signed out. */
export function useWatchlist() {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useQuery({
    queryKey: watchlistKey,
    queryFn: ({ signal }) => api.request<WatchlistResponse>('/api/watchlist', { auth: true, signal }),
    enabled: signedIn,
    staleTime: 60_000,
  });
}

/** The starred symbols as a set (empty while signed out or loading). */
export function useStarred(): ReadonlySet<string> {
  const { data } = useWatchlist();
  // One set per server reply, so lists derived from it are recomputed only when it changes.
  return useMemo(() => new Set(data?.symbols), [data]);
}

/**
 * PUT or DELETE /api/watchlist/:symbol. The star flips at once and the server's reply (the whole
 * list) replaces it; a refused change (WATCHLIST_FULL) puts the previous list back.
 */
export function useToggleWatchlist() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ symbol, starred }: { symbol: string; starred: boolean }) =>
      api.request<WatchlistResponse>(`/api/watchlist/${symbol}`, { method: starred ? 'PUT' : 'DELETE', auth: true }),
    onMutate: async ({ symbol, starred }) => {
      await queryClient.cancelQueries({ queryKey: watchlistKey });
      const previous = queryClient.getQueryData<WatchlistResponse>(watchlistKey);
      const symbols = (previous?.symbols ?? []).filter((s) => s !== symbol);
      queryClient.setQueryData<WatchlistResponse>(watchlistKey, { symbols: starred ? [...symbols, symbol] : symbols });
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(watchlistKey, context.previous);
    },
    onSuccess: (reply) => queryClient.setQueryData(watchlistKey, reply),
  });
}
