/**
 * The signed-in user's trading on the chart's symbol. The queries share their keys (and so their
 * cache and the /ws/orders invalidation) with the trading and portfolio screens.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Order, OrdersResponse, Portfolio } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';
import { useIsSignedIn } from '@/lib/session';
import { tradingKeys, useTradeHistory } from '@/lib/trading';

/** GET /api/trading/orders?status=open&symbol= — the same request as the open-orders panel's. */
export function useChartOpenOrders(symbol: string) {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  return useQuery({
    queryKey: tradingKeys.openOrders(symbol),
    queryFn: ({ signal }) => api.request<OrdersResponse>(`/api/trading/orders?${new URLSearchParams({ status: 'open', limit: '100', symbol })}`, { auth: true, signal }),
    enabled: signedIn,
  });
}

/** The newest fills of the symbol (one history page) for markers on the candles. */
export const useChartFills = (symbol: string) => useTradeHistory({ symbol });

/** The position's average entry price, from GET /api/portfolio (the portfolio page's query). */
export function useAverageEntry(symbol: string): string | null {
  const api = useApiClient();
  const signedIn = useIsSignedIn();
  const { data } = useQuery({
    queryKey: [USER_QUERY_ROOT, 'portfolio'],
    queryFn: ({ signal }) => api.request<Portfolio>('/api/portfolio', { auth: true, signal }),
    enabled: signedIn,
  });
  const position = data?.positions.find((p) => p.symbol === symbol);
  return position && Number(position.quantity) > 0 && Number(position.avgPrice) > 0 ? position.avgPrice : null;
}

export interface ReplaceOrderResult {
  canceled: Order;
  order: Order;
}

/**
 * POST /api/trading/orders/:id/replace {price}: cancels the order and places the same one at
 * the new price (409 ORDER_NOT_OPEN when it has filled or been canceled meanwhile).
 */
export function useReplaceOrder() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, price }: { id: number; price: string }) =>
      api.request<ReplaceOrderResult>(`/api/trading/orders/${id}/replace`, { method: 'POST', auth: true, json: { price } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [USER_QUERY_ROOT] }),
  });
}
