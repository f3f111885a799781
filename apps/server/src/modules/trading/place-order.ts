/**
 * POST /api/trading/buy|sell. The request is checked here (known symbol, a body the rules can
 * parse), then placed through the process's order batcher (order-batch/order-batcher.ts):
 * with whatever other placements are queued, in one transaction that locks the users, plans
 * each order in arrival order with the trading rules at the live price, and writes every
 * order, fill, balance and position in one statement with the COMMIT. Under load that is one
 * commit and two round trips per batch instead of per order; alone, an order is a batch of one.
 *
 * The user row locks serialize a user's orders across batches and processes, and within a
 * batch each order is planned against the state the previous one left: no overspending and
 * no overselling, however many arrive at once; the CHECK constraints are the backstop.
 *
 * Idempotency: (user_id, client_order_id) is unique. A repeat of a committed order, or of
 * one earlier in the same batch, is answered with that order (200); a different order under
 * the same key is DUPLICATE_CLIENT_ORDER_ID (409).
 */
import { randomUUID } from 'node:crypto';
import type { PlaceOrderRequest } from '@cryptosim/contracts';
import type { OrderSide } from './domain/order-model.js';
import { parseOrderRequest } from './domain/parse-order-request.js';
import { knownSymbolInfo } from './live-market.js';
import type { OrderBatcher } from './order-batch/order-batcher.js';
import type { PlacedOrder } from './order-batch/placement.js';
import type { TradingDeps } from './trading-deps.js';

export type { PlacedOrder };

export interface PlaceOptions {
  /** The API key that signed the order: it must still be live when the order commits (placement.ts). */
  apiKeyId?: string | undefined;
}

export function placeOrder(deps: TradingDeps, batcher: OrderBatcher, userId: number, side: OrderSide, body: PlaceOrderRequest, options: PlaceOptions = {}): Promise<PlacedOrder> {
  const info = knownSymbolInfo(deps.symbols(), body.symbol);
  const intent = parseOrderRequest(side, body);
  const clientSent = body.clientOrderId !== undefined;
  return batcher.place({ userId, side, body, info, intent, clientOrderId: body.clientOrderId ?? randomUUID(), clientSent, apiKeyId: options.apiKeyId });
}
