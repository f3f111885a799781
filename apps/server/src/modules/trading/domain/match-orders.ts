/**
 * The matcher's pure half: given the resting orders of one symbol and a price move, which
 * of them fill, in what order, and at what price. The projector loads the open orders,
 * calls these, then settles each fill with plan-fill in its own database transaction.
 *
 * Priority is price-time along the path the price took: the order whose level the price
 * reached first fills first (for a fall, the highest buy limits and sell stops; for a rise,
 * the lowest sell limits and buy stops); at the same level, the older order first; then id.
 * This matters when one user's orders compete for the same free cash.
 *
 * Fill prices: a LIMIT order fills at its own limit price as maker, even when the price
 * gapped through it (a resting order trades at its price). STOP_LOSS and TAKE_PROFIT become
 * market orders: they fill at the current price moved by slippage, as taker.
 */
import { type Dec, type PriceMove, type SymbolRules, triggerCondition, triggerReach } from '@cryptosim/trading-rules';
import type { Execution, MarketSnapshot, RestingOrder } from './order-model.js';
import { takerFillPrice } from './slippage.js';
import type { TradingConfig } from './trading-config.js';

export interface CrossedOrder<T extends RestingOrder> {
  order: T;
  /** LIMIT orders fill at their limit price; triggered stops as market orders. */
  fillsAs: 'limit' | 'market';
}

const compareIds = (a: number | string, b: number | string): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const [sa, sb] = [String(a), String(b)];
  return sa.length - sb.length || (sa < sb ? -1 : sa > sb ? 1 : 0);
};

export function selectCrossedOrders<T extends RestingOrder>(orders: readonly T[], move: PriceMove): CrossedOrder<T>[] {
  const crossed: { order: T; distance: Dec; depth: Dec }[] = [];
  for (const order of orders) {
    const reach = triggerReach(triggerCondition(order), move);
    if (reach) crossed.push({ order, ...reach });
  }
  crossed.sort(
    (a, b) =>
      a.distance.comparedTo(b.distance) ||
      b.depth.comparedTo(a.depth) ||
      a.order.createdAt - b.order.createdAt ||
      compareIds(a.order.id, b.order.id),
  );
  return crossed.map(({ order }) => ({ order, fillsAs: order.type === 'LIMIT' ? 'limit' : 'market' }));
}

/** The price and fee side of a crossed order's fill at the current market. */
export function matchExecution(order: RestingOrder, market: MarketSnapshot, rules: SymbolRules, config: TradingConfig): Execution {
  if (order.type === 'LIMIT' && order.price) return { price: order.price, liquidity: 'maker' };
  const notional = order.quantity.times(market.price);
  return {
    price: takerFillPrice(order.side, market.price, notional, market.quoteVolume, rules.tickSize, config.slippage),
    liquidity: 'taker',
  };
}
