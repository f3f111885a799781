import { ApiError } from '@/lib/api';
import type { MessageKey, Translate } from '@/lib/i18n';

// The trading ticket's sentences for the rule codes a replace shares with placing, and the Orders page's own.
const BY_CODE: Record<string, MessageKey> = {
  INSUFFICIENT_BALANCE: 'orderError.INSUFFICIENT_BALANCE',
  INSUFFICIENT_POSITION: 'orderError.INSUFFICIENT_POSITION',
  LOT_SIZE: 'orderError.LOT_SIZE',
  MIN_NOTIONAL: 'orderError.MIN_NOTIONAL',
  PRICE_FILTER: 'orderError.PRICE_FILTER',
  WOULD_MATCH_IMMEDIATELY: 'orderError.WOULD_MATCH_IMMEDIATELY',
  WOULD_TRIGGER_IMMEDIATELY: 'orderError.WOULD_TRIGGER_IMMEDIATELY',
  NO_PRICE: 'orderError.NO_PRICE',
  VALIDATION_FAILED: 'orderError.VALIDATION_FAILED',
  ORDER_NOT_CANCELABLE: 'orderError.ORDER_NOT_CANCELABLE',
  ORDER_NOT_OPEN: 'ordersPage.error.ORDER_NOT_OPEN',
  NOT_FOUND: 'orderError.NOT_FOUND',
  RATE_LIMITED: 'orderError.RATE_LIMITED',
  UNAUTHORIZED: 'orderError.UNAUTHORIZED',
  NETWORK_ERROR: 'error.network',
};

/** The server's problem code as a sentence; unknown codes still name the code. */
export function orderProblemText(error: unknown, t: Translate): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const key = BY_CODE[code];
  return key ? t(key) : t('error.generic', { code });
}
