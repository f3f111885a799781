import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Order } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';

/** DELETE /api/trading/orders/:id; the reserved funds come back, so the portfolio changes too. */
export function useCancelOrder() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.request<Order>(`/api/trading/orders/${id}`, { method: 'DELETE', auth: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [USER_QUERY_ROOT] }),
  });
}
