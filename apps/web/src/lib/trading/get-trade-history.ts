import { useInfiniteQuery } from '@tanstack/react-query';
import type { TradeHistoryResponse } from '@cryptosim/contracts';
import { useApiClient } from '../api';
import { useIsSignedIn } from '../session';
import { tradingKeys } from './query-keys';

export const HISTORY_PAGE_SIZE = 50;

/** GET /api/trading/history, newest first, one cursor page at a time ("load more"). */
export function useTradeHistory(symbol?: string, pageSize = HISTORY_PAGE_SIZE) {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useInfiniteQuery({
    queryKey: tradingKeys.history(symbol),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (symbol) query.set('symbol', symbol);
      if (pageParam) query.set('cursor', pageParam);
      return api.request<TradeHistoryResponse>(`/api/trading/history?${query}`, { auth: true, signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    enabled: signedIn,
  });
}
