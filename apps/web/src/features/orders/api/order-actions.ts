import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CancelAllOrdersResponse, Order, ReplaceOrderRequest, ReplaceOrderResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';

/**
 * The order actions of the Orders page. Each frees or moves reserved funds, so on success
 * every query of the user (lists, portfolio) is refetched.
 */
function useUserMutation<V, R>(run: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: [USER_QUERY_ROOT] }) });
}

/** DELETE /api/trading/orders/:id */
export function useCancelOrder() {
  const api = useApiClient();
  return useUserMutation((id: number) => api.request<Order>(`/api/trading/orders/${id}`, { method: 'DELETE', auth: true }));
}

/** DELETE /api/trading/orders: every open order at once. */
export function useCancelAllOrders() {
  const api = useApiClient();
  return useUserMutation(() => api.request<CancelAllOrdersResponse>('/api/trading/orders', { method: 'DELETE', auth: true }));
}

/** POST /api/trading/orders/:id/replace: a new price in one step; a refused price leaves the order as it was. */
export function useReplaceOrder() {
  const api = useApiClient();
  return useUserMutation(({ id, change }: { id: number; change: ReplaceOrderRequest }) =>
    api.request<ReplaceOrderResponse>(`/api/trading/orders/${id}/replace`, { method: 'POST', auth: true, json: change }),
  );
}
