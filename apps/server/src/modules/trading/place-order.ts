/**
 * POST /api/trading/buy|sell. One transaction: lock the user and their positions, plan the
 * order with the trading rules at the live price, write the order (and its fill, for one
 * that takes the market) and the new balances in one statement (place-order-write.ts); on
 * PostgreSQL that is two round trips, BEGIN and COMMIT riding along (lock-then-write.ts). The row locks queue concurrent orders of
 * one user, so each plans against the balance the previous one left: no overspending and
 * no overselling, however many arrive at once; the CHECK constraints are the backstop.
 *
 * Idempotency: (user_id, client_order_id) is unique. A repeat of a committed order is
 * answered with that order (200); two racing first attempts both plan, the second insert
 * hits the unique key, rolls back and answers with the winner's order.
 */
import { randomUUID } from 'node:crypto';
import type { Order, PlaceOrderRequest, Transaction } from '@cryptosim/contracts';
import { AppError } from '../../core/app-error.js';
import { isUniqueViolation } from '../../db/pg-error.js';
import { lockThenWrite } from '../../ports/db/lock-then-write.js';
import { EMPTY_POSITION, lockedAccountFrom, lockUserStatement, readLockedAccountStatement } from './account-repository.js';
import { symbolRules } from './domain/check-exchange-rules.js';
import type { OrderSide } from './domain/order-model.js';
import { parseOrderRequest } from './domain/parse-order-request.js';
import { planOrder } from './domain/plan-order.js';
import { knownSymbolInfo, liveMarket } from './live-market.js';
import { findOrderByClientId, fillsOfOrder } from './order-repository.js';
import { placedOrderFrom, placedOrderStatement, type PlaceOrderWrite } from './place-order-write.js';
import { toOrderView, toTransactionView } from './order-view.js';
import { publishOrderChanges } from './publish-order-changes.js';
import { sameRequest } from './same-request.js';
import type { TradingDeps } from './trading-deps.js';

export interface PlacedOrder {
  /** false when a repeated clientOrderId returned the first order. */
  created: boolean;
  order: Order;
  fills: Transaction[];
}

async function existing(deps: TradingDeps, userId: number, side: OrderSide, body: PlaceOrderRequest): Promise<PlacedOrder | undefined> {
  if (body.clientOrderId === undefined) return undefined;
  const row = await findOrderByClientId(deps.db, userId, body.clientOrderId);
  if (!row) return undefined;
  if (!sameRequest(row, side, body)) {
    throw new AppError('DUPLICATE_CLIENT_ORDER_ID', 409, `clientOrderId ${body.clientOrderId} was already used for a different order (id ${row.id}).`);
  }
  const fills = await fillsOfOrder(deps.db, row.id);
  return { created: false, order: toOrderView(row), fills: fills.map(toTransactionView) };
}

export async function placeOrder(deps: TradingDeps, userId: number, side: OrderSide, body: PlaceOrderRequest): Promise<PlacedOrder> {
  const info = knownSymbolInfo(deps.symbols(), body.symbol);
  const intent = parseOrderRequest(side, body);
  const repeat = await existing(deps, userId, side, body);
  if (repeat) return repeat;
  const market = await liveMarket(deps.cache, body.symbol);
  const rules = symbolRules(info);
  const clientOrderId = body.clientOrderId ?? randomUUID();

  let result;
  try {
    result = await lockThenWrite(deps.db, [lockUserStatement(userId), readLockedAccountStatement(userId)], (rows) => {
      const account = lockedAccountFrom(userId, rows);
      const position = account.positions.get(body.symbol) ?? EMPTY_POSITION;
      const plan = planOrder({ intent, rules, market, account: account.cash, position, config: deps.config });
      const base = {
        userId,
        clientOrderId,
        symbol: body.symbol,
        side,
        type: intent.type,
        quoteAmount: intent.quoteAmount?.toFixed() ?? null,
        price: intent.price?.toFixed() ?? null,
        stopPrice: intent.stopPrice?.toFixed() ?? null,
        run: account.run,
      };
      let write: PlaceOrderWrite;
      if (plan.kind === 'fill') {
        const { fill } = plan.plan;
        write = {
          order: {
            ...base,
            status: 'FILLED',
            quantity: fill.quantity.toFixed(),
            filledQuantity: fill.quantity.toFixed(),
            avgFillPrice: fill.price.toFixed(),
            fee: fill.fee.toFixed(),
            reservedAmount: '0',
            reservedAsset: null,
          },
          fill,
          cash: plan.plan.account,
          position: plan.plan.position,
        };
        account.cash = plan.plan.account;
        account.positions.set(body.symbol, plan.plan.position);
      } else {
        const quote = plan.reservation.asset === 'QUOTE';
        write = {
          order: {
            ...base,
            status: 'NEW',
            quantity: plan.checked.quantity.toFixed(),
            filledQuantity: '0',
            avgFillPrice: null,
            fee: '0',
            reservedAmount: plan.reservation.amount.toFixed(),
            reservedAsset: quote ? info.quoteAsset : info.baseAsset,
          },
          fill: null,
          cash: quote ? plan.account : null,
          position: quote ? null : plan.position,
        };
        account.cash = plan.account;
        account.positions.set(body.symbol, plan.position);
      }
      return {
        write: placedOrderStatement(write),
        done: (written) => {
          const { order, fill } = placedOrderFrom(write, written);
          return { order, fills: fill ? [fill] : [], account };
        },
      };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'orders_user_client_order_id_key')) {
      const first = await existing(deps, userId, side, body);
      if (first) return first;
    }
    throw err;
  }
  await publishOrderChanges(deps.cache, deps.logger, userId, [result.order], result.account);
  return { created: true, order: toOrderView(result.order), fills: result.fills.map(toTransactionView) };
}
