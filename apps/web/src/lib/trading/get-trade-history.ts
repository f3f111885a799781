import { useInfiniteQuery } from '@tanstack/react-query';
import type { OrderSide, TradeHistoryResponse } from '@cryptosim/contracts';
import { useApiClient } from '@/lib/api';
import { useIsSignedIn } from '@/lib/session';
import { tradingKeys } from './query-keys';

export const HISTORY_PAGE_SIZE = 50;

export interface HistoryFilter {
  symbol?: string;
  side?: OrderSide;
}

/**
 * GET /api/trading/history, newest first, one cursor page at a time ("load more"). Both
 * filters go to the server, so every page holds only matching fills.
 */
export function useTradeHistory({ symbol, side }: HistoryFilter = {}, pageSize = HISTORY_PAGE_SIZE) {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useInfiniteQuery({
    queryKey: tradingKeys.history(symbol, side),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (symbol) query.set('symbol', symbol);
      if (side) query.set('side', side);
      if (pageParam) query.set('cursor', pageParam);
      return api.request<TradeHistoryResponse>(`/api/trading/history?${query}`, { auth: true, signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    enabled: signedIn,
  });
}
