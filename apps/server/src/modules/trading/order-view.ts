/**
 * Rows → the API's Order and Transaction (docs/API.md). NUMERIC(36,18) arrives padded
 * ("0.500000000000000000"); the API shows the plain value ("0.5").
 */
import type { Order, Transaction } from '@cryptosim/contracts';
import { dec, plainDecimalString } from '@cryptosim/trading-rules';
import type { orders, fills } from '../../db/schema.js';
import type { RestingOrder, TimeInForce } from './domain/order-model.js';
import { timeInForceOf } from './domain/time-in-force.js';

export type OrderRow = typeof orders.$inferSelect;
export type FillRow = typeof fills.$inferSelect;

const plain = (value: string) => plainDecimalString(value);
const plainOrNull = (value: string | null) => (value === null ? null : plain(value));

/** Rows written before time_in_force existed have none: a LIMIT then was GTC. */
export const storedTimeInForce = (row: Pick<OrderRow, 'type' | 'timeInForce'>): TimeInForce | null => row.timeInForce ?? timeInForceOf(row.type, undefined);

export function toOrderView(row: OrderRow): Order {
  return {
    id: row.id,
    clientOrderId: row.clientOrderId,
    symbol: row.symbol,
    side: row.side,
    type: row.type,
    status: row.status,
    quantity: plainOrNull(row.quantity),
    quoteAmount: plainOrNull(row.quoteAmount),
    price: plainOrNull(row.price),
    stopPrice: plainOrNull(row.stopPrice),
    timeInForce: storedTimeInForce(row),
    triggeredAt: row.triggeredAt?.toISOString() ?? null,
    filledQuantity: plain(row.filledQuantity),
    avgFillPrice: plainOrNull(row.avgFillPrice),
    fee: plain(row.fee),
    rejectReason: row.rejectReason,
    run: row.run,
    replacedBy: row.replacedBy,
    replaces: row.replaces,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTransactionView(row: FillRow): Transaction {
  return {
    id: row.id,
    orderId: row.orderId,
    symbol: row.symbol,
    type: row.type,
    quantity: plain(row.quantity),
    price: plain(row.price),
    fee: plain(row.fee),
    totalAmount: plain(row.totalAmount),
    realizedPnl: plainOrNull(row.realizedPnl),
    run: row.run,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An open order as the matcher and cancel rules see it (resting orders always have a quantity). */
export function toRestingOrder(row: OrderRow): RestingOrder {
  if (row.quantity === null) throw new Error(`open order ${row.id} has no quantity`);
  return {
    id: row.id,
    side: row.side,
    type: row.type,
    quantity: dec(row.quantity),
    quoteAmount: null,
    price: row.price === null ? null : dec(row.price),
    stopPrice: row.stopPrice === null ? null : dec(row.stopPrice),
    timeInForce: row.timeInForce,
    triggered: row.triggeredAt !== null,
    createdAt: row.createdAt.getTime(),
    reservedAmount: dec(row.reservedAmount),
  };
}
