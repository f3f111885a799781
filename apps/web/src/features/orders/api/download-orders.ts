import { useMutation } from '@tanstack/react-query';
import { saveBlob, useApiClient } from '@/lib/api';
import { orderListQuery, type OrderListFilter } from '../rules/order-list-query';

/** GET /api/trading/orders.csv with the filters shown on the order history. */
export function useDownloadOrders() {
  const api = useApiClient();
  return useMutation({
    mutationFn: async (filter: OrderListFilter) => saveBlob(await api.download(`/api/trading/orders.csv?${orderListQuery(filter)}`), 'cryptosim-orders.csv'),
  });
}
