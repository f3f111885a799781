/**
 * Whether a repeated clientOrderId carries the same order as the stored one. A retry is the
 * same request sent again; the same key on a different order is a client bug, answered
 * with DUPLICATE_CLIENT_ORDER_ID rather than silently returning an unrelated order.
 */
import type { PlaceOrderRequest } from '@cryptosim/contracts';
import { dec } from '@cryptosim/trading-rules';
import type { OrderSide } from './domain/order-model.js';
import { timeInForceOf } from './domain/time-in-force.js';
import { storedTimeInForce, type OrderRow } from './order-view.js';

const sameAmount = (asked: string | undefined, stored: string | null) =>
  asked === undefined ? true : stored !== null && dec(asked).eq(dec(stored));

export function sameRequest(row: OrderRow, side: OrderSide, body: PlaceOrderRequest): boolean {
  const quantityAsked = body.quoteAmount === undefined ? body.quantity : undefined;
  const type = body.type ?? 'MARKET';
  return (
    row.side === side &&
    row.symbol === body.symbol &&
    row.type === type &&
    storedTimeInForce(row) === timeInForceOf(type, body.timeInForce) &&
    sameAmount(quantityAsked, row.quantity) &&
    sameAmount(body.quoteAmount, row.quoteAmount) &&
    sameAmount(body.price, row.price) &&
    sameAmount(body.stopPrice, row.stopPrice)
  );
}
