import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OrdersResponse } from '@cryptosim/contracts';
import { useApiClient, type ApiClient } from '@/lib/api';
import { useIsSignedIn } from '@/lib/session';
import { tradingKeys } from '@/lib/trading';

export const openOrdersQueryOptions = (api: ApiClient, symbol?: string) =>
  queryOptions({
    queryKey: tradingKeys.openOrders(symbol),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ status: 'open', limit: '100' });
      if (symbol) query.set('symbol', symbol);
      return api.request<OrdersResponse>(`/api/trading/orders?${query}`, { auth: true, signal });
    },
  });

/** GET /api/trading/orders?status=open (one symbol or all); /ws/orders keeps it current. */
export function useOpenOrders(symbol?: string) {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useQuery({ ...openOrdersQueryOptions(api, symbol), enabled: signedIn });
}
