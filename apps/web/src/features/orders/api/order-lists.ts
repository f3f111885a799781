import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { OrdersResponse } from '@cryptosim/contracts';
import { useApiClient } from '@/lib/api';
import { useIsSignedIn } from '@/lib/session';
import { tradingKeys } from '@/lib/trading';
import { orderListQuery, type OrderListFilter } from '../rules/order-list-query';

export const ORDER_HISTORY_PAGE = 50;

/**
 * Every open order across symbols. It shares the trading feature's key for "all symbols", so
 * the /ws/orders events (applyOrderEvent) keep this list current while the page is open.
 */
export function useAllOpenOrders() {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useQuery({
    queryKey: tradingKeys.openOrders(undefined),
    queryFn: ({ signal }) => api.request<OrdersResponse>(`/api/trading/orders?${new URLSearchParams({ status: 'open', limit: '100' })}`, { auth: true, signal }),
    enabled: signedIn,
  });
}

/** GET /api/trading/orders with the history's filters, newest first, one cursor page at a time. */
export function useOrderHistory(filter: OrderListFilter) {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useInfiniteQuery({
    queryKey: [...tradingKeys.ordersAll, 'history', filter] as const,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = orderListQuery(filter, { limit: String(ORDER_HISTORY_PAGE), ...(pageParam && { cursor: pageParam }) });
      return api.request<OrdersResponse>(`/api/trading/orders?${query}`, { auth: true, signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
    enabled: signedIn,
  });
}
