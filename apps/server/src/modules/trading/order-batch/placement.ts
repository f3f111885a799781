/**
 * One buy/sell request on its way through a batch: already validated (symbol known, body
 * parsed into an intent), waiting for its answer. The answer is settled exactly once, by
 * the batch that carries it.
 */
import type { Order, PlaceOrderRequest, SymbolInfo, Transaction } from '@cryptosim/contracts';
import type { OrderIntent, OrderSide } from '../domain/order-model.js';

export interface PlacedOrder {
  /** false when a repeated clientOrderId returned the first order. */
  created: boolean;
  order: Order;
  fills: Transaction[];
}

export interface Placement {
  userId: number;
  side: OrderSide;
  body: PlaceOrderRequest;
  info: SymbolInfo;
  intent: OrderIntent;
  /** The caller's idempotency key, or one generated for this request. */
  clientOrderId: string;
  /** Whether the caller sent clientOrderId (only those can be repeats). */
  clientSent: boolean;
  /**
   * The API key that signed the request, when one did: the order commits only if that key is
   * still live in the order's own transaction (read there under a share lock), so a key
   * revoked through any replica places nothing from the moment its revocation commits.
   */
  apiKeyId?: string | undefined;
}

export interface QueuedPlacement extends Placement {
  resolve(placed: PlacedOrder): void;
  reject(error: unknown): void;
  /** Whether resolve or reject was called (later calls are ignored). */
  readonly settled: boolean;
}

/** A queued placement and the promise its batch settles. */
export function awaitingAnswer(placement: Placement): { queued: QueuedPlacement; answer: Promise<PlacedOrder> } {
  let settle!: { resolve(placed: PlacedOrder): void; reject(error: unknown): void };
  const answer = new Promise<PlacedOrder>((resolve, reject) => (settle = { resolve, reject }));
  let settled = false;
  const queued: QueuedPlacement = {
    ...placement,
    resolve(placed) {
      if (settled) return;
      settled = true;
      settle.resolve(placed);
    },
    reject(error) {
      if (settled) return;
      settled = true;
      settle.reject(error);
    },
    get settled() {
      return settled;
    },
  };
  return { queued, answer };
}
