import { ApiError } from './api-error';
import type { MessageKey, Translate } from '@/lib/i18n';

const BY_CODE: Record<string, MessageKey> = {
  INSUFFICIENT_BALANCE: 'orderError.INSUFFICIENT_BALANCE',
  INSUFFICIENT_POSITION: 'orderError.INSUFFICIENT_POSITION',
  LOT_SIZE: 'orderError.LOT_SIZE',
  MIN_NOTIONAL: 'orderError.MIN_NOTIONAL',
  PRICE_FILTER: 'orderError.PRICE_FILTER',
  WOULD_TRIGGER_IMMEDIATELY: 'orderError.WOULD_TRIGGER_IMMEDIATELY',
  WOULD_MATCH_IMMEDIATELY: 'orderError.WOULD_MATCH_IMMEDIATELY',
  NO_PRICE: 'orderError.NO_PRICE',
  UNKNOWN_SYMBOL: 'orderError.UNKNOWN_SYMBOL',
  VALIDATION_FAILED: 'orderError.VALIDATION_FAILED',
  ORDER_NOT_CANCELABLE: 'orderError.ORDER_NOT_CANCELABLE',
  ORDER_NOT_OPEN: 'orderError.ORDER_NOT_OPEN',
  NOT_FOUND: 'orderError.NOT_FOUND',
  RATE_LIMITED: 'orderError.RATE_LIMITED',
  UNAUTHORIZED: 'orderError.UNAUTHORIZED',
  NETWORK_ERROR: 'error.network',
};

/** The server's problem code of an order request (place, cancel, replace) as a sentence; unknown codes still name the code. */
export function orderProblemText(error: unknown, t: Translate): string {
  const code = error instanceof ApiError ? error.code : 'UNKNOWN';
  const key = BY_CODE[code];
  return key ? t(key) : t('error.generic', { code });
}
