/**
 * When a resting order's condition holds. Between two price updates the market is taken to
 * have traded through every price between them, so an order fills when its level lies in
 * [min(previous, current), max(previous, current)] on the right side:
 *
 *   LIMIT BUY         price ≤ limit        LIMIT SELL         price ≥ limit
 *   STOP_LOSS SELL    price ≤ stop         STOP_LOSS BUY      price ≥ stop
 *   TAKE_PROFIT SELL  price ≥ stop         TAKE_PROFIT BUY    price ≤ stop
 *
 * With no previous price (first update after a restart) only the current price counts.
 */
import type { OrderSide, OrderType } from '@cryptosim/contracts';
import { type Dec, ZERO } from './decimal.js';

/** What decides an order's trigger: the server's order intent and the web's draft both have it. */
export interface PricedOrder {
  side: OrderSide;
  type: OrderType;
  /** Limit price (LIMIT). */
  price: Dec | null;
  /** Trigger price (STOP_LOSS, TAKE_PROFIT). */
  stopPrice: Dec | null;
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
  const level = order.type === 'LIMIT' ? order.price : order.stopPrice;
  if (order.type === 'MARKET' || !level) throw new Error(`a ${order.type} order without its price has no trigger`);
  const buy = order.side === 'BUY';
  const atOrBelow = order.type === 'LIMIT' ? buy : order.type === 'STOP_LOSS' ? !buy : buy;
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
