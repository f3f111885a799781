import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrderSide, PlaceOrderRequest, PlaceOrderResponse } from '@cryptosim/contracts';
import { USER_QUERY_ROOT, useApiClient } from '@/lib/api';

export interface PlaceOrderInput {
  side: OrderSide;
  body: PlaceOrderRequest;
}

/** A key per submission, so a retried request (lost reply, double click) places one order. */
const newClientOrderId = () => `web-${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`;

/** POST /api/trading/buy|sell; afterwards every cached figure of the user may have moved. */
export function usePlaceOrder() {
  const api = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ side, body }: PlaceOrderInput) =>
      api.request<PlaceOrderResponse>(`/api/trading/${side === 'BUY' ? 'buy' : 'sell'}`, {
        method: 'POST',
        auth: true,
        json: { ...body, clientOrderId: body.clientOrderId ?? newClientOrderId() },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [USER_QUERY_ROOT] }),
  });
}
