/**
 * When a resting order's condition holds. Between two price updates the market is taken to
 * have traded through every price between them, so an order fills (or triggers) when its level
 * lies in [min(previous, current), max(previous, current)] on the right side:
 *
 *   LIMIT BUY         price ≤ limit        LIMIT SELL         price ≥ limit
 *   STOP_LOSS SELL    price ≤ stop         STOP_LOSS BUY      price ≥ stop
 *   TAKE_PROFIT SELL  price ≥ stop         TAKE_PROFIT BUY    price ≤ stop
 *
 * LIMIT_MAKER waits like a LIMIT. STOP_LOSS_LIMIT and TAKE_PROFIT_LIMIT wait like their stop
 * until triggered, and from then on like a LIMIT at their limit price.
 *
 * With no previous price (first update after a restart) only the current price counts.
 */
import { hasLimitPrice, type OrderSide, type OrderType } from '@cryptosim/contracts';
import { type Dec, ZERO } from './decimal.js';

/** What decides an order's trigger: the server's order intent and the web's draft both have it. */
export interface PricedOrder {
  side: OrderSide;
  type: OrderType;
  /** Limit price (LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT). */
  price: Dec | null;
  /** Trigger price (STOP_LOSS, TAKE_PROFIT and their _LIMIT forms). */
  stopPrice: Dec | null;
  /** A stop-limit whose stop was reached: it now rests as a limit (absent: not triggered). */
  triggered?: boolean;
}

/** Whether the order waits as a limit at `price`: LIMIT, LIMIT_MAKER, or a stop-limit already triggered. */
export function restsAsLimit(order: Pick<PricedOrder, 'type' | 'triggered'>): boolean {
  return order.type === 'LIMIT' || order.type === 'LIMIT_MAKER' || (hasLimitPrice(order.type) && order.triggered === true);
}

/** A limit at `limit` would trade at once at `price`: a buy at or above it, a sell at or below it. */
export function isMarketable(side: OrderSide, limit: Dec, price: Dec): boolean {
  return side === 'BUY' ? price.lte(limit) : price.gte(limit);
}

export interface PriceMove {
  previous: Dec | null;
  current: Dec;
}

export interface TriggerCondition {
  when: 'atOrBelow' | 'atOrAbove';
  level: Dec;
}

export function triggerCondition(order: PricedOrder): TriggerCondition {
  const asLimit = restsAsLimit(order);
  const level = asLimit ? order.price : order.stopPrice;
  if (order.type === 'MARKET' || !level) throw new Error(`a ${order.type} order without its price has no trigger`);
  const buy = order.side === 'BUY';
  const stopLoss = order.type === 'STOP_LOSS' || order.type === 'STOP_LOSS_LIMIT';
  const atOrBelow = asLimit ? buy : stopLoss ? !buy : buy;
  return { when: atOrBelow ? 'atOrBelow' : 'atOrAbove', level };
}

/**
 * How far the price travelled from `previous` before the condition first held (0 when it
 * already held), or null when this move never reaches it. `depth` is how far inside the
 * condition the starting price already was: an order deeper in was reached earlier.
 */
export function triggerReach(condition: TriggerCondition, move: PriceMove): { distance: Dec; depth: Dec } | null {
  const start = move.previous ?? move.current;
  const { level } = condition;
  if (condition.when === 'atOrBelow') {
    if (start.lte(level)) return { distance: ZERO, depth: level.minus(start) };
    return move.current.lte(level) ? { distance: start.minus(level), depth: ZERO } : null;
  }
  if (start.gte(level)) return { distance: ZERO, depth: start.minus(level) };
  return move.current.gte(level) ? { distance: level.minus(start), depth: ZERO } : null;
}

export function isTriggered(order: PricedOrder, move: PriceMove): boolean {
  return triggerReach(triggerCondition(order), move) !== null;
}
