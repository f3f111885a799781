import { useQuery } from '@tanstack/react-query';
import type { OrdersResponse } from '@cryptosim/contracts';
import { useApiClient } from '../api';
import { useIsSignedIn } from '../session';
import { tradingKeys } from './query-keys';

/** GET /api/trading/orders?status=open (one symbol or all); /ws/orders keeps it current. */
export function useOpenOrders(symbol?: string) {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useQuery({
    queryKey: tradingKeys.openOrders(symbol),
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ status: 'open', limit: '100' });
      if (symbol) query.set('symbol', symbol);
      return api.request<OrdersResponse>(`/api/trading/orders?${query}`, { auth: true, signal });
    },
    enabled: signedIn,
  });
}
