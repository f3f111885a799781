/**
 * POST /api/trading/orders/:id/replace: cancel-replace of an open order with a limit price, as
 * one step. Under the user's lock (the lock every trading step takes first: placement batches,
 * cancels and matcher fills queue on it) the old order is locked and re-read; if it is still
 * open, what it held is released and the new order is planned against the account as it is
 * then, by the very rules a placement uses (planPlacement: tick, lot, min notional, funds,
 * post-only, triggered stops). Both rows are written in the same transaction, so there is
 * never a moment with both orders live, nor with neither: a new order the rules refuse
 * (INSUFFICIENT_BALANCE, PRICE_FILTER, ...) rolls everything back and the old order stays open.
 *
 * The new order keeps the old one's symbol, side, type and timeInForce. A marketable new price
 * takes the market at once, as a placed limit does. A stop-limit already triggered is resting
 * as a plain limit whose stop has passed; re-planning it would be refused as
 * WOULD_TRIGGER_IMMEDIATELY, so it is refused up front with a clearer message.
 */
import { randomUUID } from 'node:crypto';
import { hasLimitPrice, hasStopPrice, type PlaceOrderRequest, type ReplaceOrderRequest, type ReplaceOrderResponse } from '@cryptosim/contracts';
import { dec } from '@cryptosim/trading-rules';
import { AppError } from '../../kernel/app-error.js';
import { orders } from '../../db/schema.js';
import { EMPTY_POSITION, lockAccount, saveCash, savePosition } from './account-repository.js';
import { isOpen } from './cancel-order.js';
import { parseOrderRequest } from './domain/parse-order-request.js';
import { releaseOrder } from './domain/reservations.js';
import { knownSymbolInfo, liveMarket } from './live-market.js';
import { planPlacement } from './order-batch/plan-batch.js';
import { findOrder, insertFill, lockOrder, updateOrder } from './order-repository.js';
import { toOrderView, toRestingOrder, type OrderRow } from './order-view.js';
import { publishOrderChanges } from './publish-order-changes.js';
import type { TradingDeps } from './trading-deps.js';

const notFound = (id: number) => new AppError('NOT_FOUND', 404, `Order ${id} was not found.`);

/** The placement body of the new order: the old order's terms with the requested changes. */
function newOrderBody(old: OrderRow, change: ReplaceOrderRequest): PlaceOrderRequest {
  const remaining = old.quantity === null ? null : dec(old.quantity).minus(dec(old.filledQuantity)).toFixed();
  const quantity = change.quantity ?? remaining;
  const stopPrice = hasStopPrice(old.type) ? (change.stopPrice ?? old.stopPrice ?? undefined) : change.stopPrice;
  return {
    symbol: old.symbol,
    type: old.type,
    price: change.price,
    ...(quantity !== null && { quantity }),
    ...(stopPrice !== undefined && { stopPrice: dec(stopPrice).toFixed() }),
    ...(old.timeInForce !== null && old.type !== 'LIMIT_MAKER' && { timeInForce: old.timeInForce }),
  };
}

function refuseUnreplaceable(old: OrderRow): void {
  if (!hasLimitPrice(old.type)) {
    throw new AppError('VALIDATION_FAILED', 400, `Order ${old.id} is a ${old.type}; only orders with a limit price can be replaced.`, [
      { path: '/price', message: `a ${old.type} order has no limit price to replace` },
    ]);
  }
  if (hasStopPrice(old.type) && old.triggeredAt !== null) {
    throw new AppError('VALIDATION_FAILED', 400, `Order ${old.id} has triggered and rests as a limit past its stop; cancel it and place a LIMIT instead.`, [
      { path: '/stopPrice', message: 'the stop of this order has already triggered' },
    ]);
  }
}

const notOpen = (row: OrderRow) => new AppError('ORDER_NOT_OPEN', 409, `Order ${row.id} is ${row.status}; only NEW or PARTIALLY_FILLED orders can be replaced.`);

export async function replaceOrder(deps: TradingDeps, userId: number, id: number, change: ReplaceOrderRequest): Promise<ReplaceOrderResponse> {
  // Read without locks first: an order's symbol never changes and a closed order never reopens,
  // so the live price is fetched before the user's lock is taken, not while holding it.
  const seen = await findOrder(deps.db, userId, id);
  if (!seen) throw notFound(id);
  if (!isOpen(seen.status)) throw notOpen(seen);
  const market = await liveMarket(deps.cache, seen.symbol);
  const info = knownSymbolInfo(deps.symbols(), seen.symbol);

  const result = await deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, userId);
    const old = await lockOrder(tx, id);
    if (!old || old.userId !== userId) throw notFound(id);
    // Filled or canceled meanwhile (a matcher fill or a cancel got the lock first).
    if (!isOpen(old.status)) throw notOpen(old);
    refuseUnreplaceable(old);

    const body = newOrderBody(old, change);
    const intent = parseOrderRequest(old.side, body);

    // Release the old order's hold first, so the new one can reuse it (a buy moving its price up
    // needs only the difference free).
    const hadPosition = account.positions.has(old.symbol);
    const released = releaseOrder(toRestingOrder(old), account.cash, account.positions.get(old.symbol) ?? EMPTY_POSITION);
    account.cash = released.account;
    account.positions.set(old.symbol, released.position);
    const placement = { userId, side: old.side, body, info, intent, clientOrderId: randomUUID(), clientSent: false };
    const planned = planPlacement(placement, account, market, deps.config);

    const [inserted] = await tx
      .insert(orders)
      .values({ ...planned.write.order, replaces: old.id })
      .returning();
    const created = inserted!;
    if (planned.write.fill) await insertFill(tx, created, planned.write.fill);
    const canceled = await updateOrder(tx, old.id, { status: 'CANCELED', reservedAmount: '0', replacedBy: created.id });

    await saveCash(tx, userId, account.cash);
    const position = account.positions.get(old.symbol)!;
    // savePosition inserts or updates by whether the row existed when the account was locked.
    if (!hadPosition) account.positions.delete(old.symbol);
    if (hadPosition || planned.position) await savePosition(tx, account, old.symbol, position);
    return { canceled, created, account };
  });
  await publishOrderChanges(deps, userId, [result.canceled, result.created], result.account);
  return { canceled: toOrderView(result.canceled), order: toOrderView(result.created) };
}
