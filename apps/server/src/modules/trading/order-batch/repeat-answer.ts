/**
 * The answer to a repeated clientOrderId: the first order, if the repeat asks for the same
 * order (same-request.ts), else DUPLICATE_CLIENT_ORDER_ID.
 */
import { AppError } from '../../../kernel/app-error.js';
import { fillsOfOrder, findOrderByClientId } from '../order-repository.js';
import { toOrderView, toTransactionView, type OrderRow, type FillRow } from '../order-view.js';
import { sameRequest } from '../same-request.js';
import type { TradingDeps } from '../trading-deps.js';
import type { PlacedOrder, Placement } from './placement.js';

export function repeatOf(p: Placement, first: OrderRow, fills: readonly FillRow[]): PlacedOrder {
  if (!sameRequest(first, p.side, p.body)) {
    throw new AppError('DUPLICATE_CLIENT_ORDER_ID', 409, `clientOrderId ${p.clientOrderId} was already used for a different order (id ${first.id}).`);
  }
  // A generated id can only be found again when this very request's earlier attempt
  // committed (its answer was lost with the connection): it did create the order.
  return { created: !p.clientSent, order: toOrderView(first), fills: fills.map(toTransactionView) };
}

/** The stored order with the placement's clientOrderId as the answer, or undefined when there is none. */
export async function repeatOfStored(deps: TradingDeps, p: Placement): Promise<PlacedOrder | undefined> {
  const row = await findOrderByClientId(deps.db, p.userId, p.clientOrderId);
  if (!row) return undefined;
  return repeatOf(p, row, await fillsOfOrder(deps.db, row.id));
}
