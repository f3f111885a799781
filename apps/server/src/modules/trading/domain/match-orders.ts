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
 * Fill prices: a resting limit (LIMIT, LIMIT_MAKER, a triggered stop-limit) fills at its own
 * limit price as maker, even when the price gapped through it (a resting order trades at its
 * price). STOP_LOSS and TAKE_PROFIT become market orders: they fill at the current price moved
 * by slippage, as taker.
 *
 * STOP_LOSS_LIMIT and TAKE_PROFIT_LIMIT become limit orders when their stop is crossed
 * (stopLimitOnTrigger): judged at the tick's current price, a marketable limit takes the market
 * at once (taker, never worse than the limit); one that is not rests as a limit (GTC), keeping
 * its reservation, or expires (IOC, FOK). Judging at the current price, not at the stop, is what
 * makes a stop-limit what traders buy it for: when the price gaps past its limit, it does not fill.
 */
import { type Dec, type PriceMove, restsAsLimit, type SymbolRules, triggerCondition, triggerReach } from '@cryptosim/trading-rules';
import type { Execution, MarketSnapshot, RestingOrder } from './order-model.js';
import { takerFillPrice } from './slippage.js';
import { takeAtLimit } from './take-at-limit.js';
import { expiresUnlessFilled } from './time-in-force.js';
import type { TradingConfig } from './trading-config.js';

export interface CrossedOrder<T extends RestingOrder> {
  order: T;
  /** Resting limits fill at their limit price; triggered stops as market orders; stop-limits trigger (stopLimitOnTrigger). */
  fillsAs: 'limit' | 'market' | 'trigger';
}

const crossedAs = (order: RestingOrder): CrossedOrder<RestingOrder>['fillsAs'] =>
  restsAsLimit(order) ? 'limit' : order.type === 'STOP_LOSS_LIMIT' || order.type === 'TAKE_PROFIT_LIMIT' ? 'trigger' : 'market';

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
  return crossed.map(({ order }) => ({ order, fillsAs: crossedAs(order) }));
}

/** The price and fee side of a crossed order's fill at the current market (a resting limit or a stop). */
export function matchExecution(order: RestingOrder, market: MarketSnapshot, rules: SymbolRules, config: TradingConfig): Execution {
  if (restsAsLimit(order) && order.price) return { price: order.price, liquidity: 'maker' };
  const notional = order.quantity.times(market.price);
  return {
    price: takerFillPrice(order.side, market.price, notional, market.quoteVolume, rules.tickSize, config.slippage),
    liquidity: 'taker',
  };
}

/** What a stop-limit does when its stop is crossed, at the tick's market. */
export type TriggerOutcome = { kind: 'fill'; execution: Execution } | { kind: 'rest' } | { kind: 'expire' };

export function stopLimitOnTrigger(order: RestingOrder, market: MarketSnapshot, rules: SymbolRules, config: TradingConfig): TriggerOutcome {
  if (!order.price) throw new Error(`stop-limit order ${order.id} has no limit price`);
  const execution = takeAtLimit({ side: order.side, limit: order.price, quantity: order.quantity }, market, rules, config);
  if (execution) return { kind: 'fill', execution };
  return expiresUnlessFilled(order.timeInForce) ? { kind: 'expire' } : { kind: 'rest' };
}
