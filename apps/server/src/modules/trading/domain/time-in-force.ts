/**
 * The timeInForce an order is stored with: what the caller asked on LIMIT and the stop-limits
 * (GTC when omitted), GTC on LIMIT_MAKER (a post-only order rests until filled or canceled, as
 * Binance reports it), none on the market and stop orders, which never rest as limits.
 */
import { takesTimeInForce, type OrderType, type TimeInForce } from '@cryptosim/contracts';

export function timeInForceOf(type: OrderType, asked: TimeInForce | undefined): TimeInForce | null {
  if (takesTimeInForce(type)) return asked ?? 'GTC';
  return type === 'LIMIT_MAKER' ? 'GTC' : null;
}

/** IOC and FOK: fill at once when marketable, else expire. (Orders fill whole here, so the two end alike.) */
export const expiresUnlessFilled = (timeInForce: TimeInForce | null | undefined): boolean => timeInForce === 'IOC' || timeInForce === 'FOK';
