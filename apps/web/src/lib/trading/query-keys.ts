import type { OrderSide } from '@cryptosim/contracts';
import { USER_QUERY_ROOT } from '@/lib/api';

/**
 * Keys of the signed-in user's trading data. Everything sits under USER_QUERY_ROOT (dropped at
 * sign-out); `ordersAll` / `historyAll` are the prefixes an order event invalidates at once.
 */
export const tradingKeys = {
  ordersAll: [USER_QUERY_ROOT, 'orders'] as const,
  openOrders: (symbol: string | undefined) => [USER_QUERY_ROOT, 'orders', 'open', symbol ?? '*'] as const,
  historyAll: [USER_QUERY_ROOT, 'trade-history'] as const,
  history: (symbol: string | undefined, side?: OrderSide) => [USER_QUERY_ROOT, 'trade-history', symbol ?? '*', side ?? '*'] as const,
};
