/**
 * Binance spot filters for one order: PRICE_FILTER (tick size), LOT_SIZE (step, minimum
 * quantity) and MIN_NOTIONAL. A filter value of 0 disables it, as on Binance.
 *
 * The notional is measured at the price the order is meant to trade at: the limit price for
 * LIMIT, LIMIT_MAKER and the stop-limits (whose stop price must lie on the tick too), the
 * trigger price for STOP_LOSS/TAKE_PROFIT, and for MARKET the execution price the
 * caller computed (live price with slippage). A MARKET buy sized by quoteAmount buys
 * floor(quoteAmount / price) to the step, and that derived quantity must pass LOT_SIZE too.
 *
 * The server refuses the first breach as a problem; the web ticket explains each field's own
 * with the same predicates, before anything is sent.
 */
import { hasLimitPrice, hasStopPrice, type SymbolInfo } from '@cryptosim/contracts';
import { Dec, dec, floorToStep, isMultipleOf, STORED_SCALE } from './decimal.js';
import type { PricedOrder } from './trigger.js';

export interface SymbolRules {
  symbol: string;
  baseAsset: string;
  tickSize: Dec;
  stepSize: Dec;
  minQty: Dec;
  minNotional: Dec;
}

export function symbolRules(info: SymbolInfo): SymbolRules {
  return {
    symbol: info.symbol,
    baseAsset: info.baseAsset,
    tickSize: dec(info.tickSize),
    stepSize: dec(info.stepSize),
    minQty: dec(info.minQty),
    minNotional: dec(info.minNotional),
  };
}

/** PRICE_FILTER: a limit or trigger price lies on the tick grid. */
export const isOnTick = (price: Dec, rules: Pick<SymbolRules, 'tickSize'>): boolean => isMultipleOf(price, rules.tickSize);

/** LOT_SIZE: a quantity lies on the step grid. */
export const isOnStep = (quantity: Dec, rules: Pick<SymbolRules, 'stepSize'>): boolean => isMultipleOf(quantity, rules.stepSize);

/** LOT_SIZE: nothing, or less than the minimum quantity (a zero quantity fails even with no minimum). */
export const isBelowMinQuantity = (quantity: Dec, rules: Pick<SymbolRules, 'minQty'>): boolean => quantity.isZero() || quantity.lt(rules.minQty);

/** MIN_NOTIONAL: the order's value, quantity × price, is under the symbol's minimum. */
export const isBelowMinNotional = (notional: Dec, rules: Pick<SymbolRules, 'minNotional'>): boolean => notional.lt(rules.minNotional);

/** The quantity a quote amount buys at `price`, floored to the lot step. */
export function quantityForQuote(quoteAmount: Dec, price: Dec, rules: Pick<SymbolRules, 'stepSize'>): Dec {
  return floorToStep(quoteAmount.div(price), rules.stepSize).toDecimalPlaces(STORED_SCALE, Dec.ROUND_DOWN);
}

/** An order as the filters see it: sized by quantity, or (a MARKET buy) by the USDT to spend. */
export interface SizedOrder extends PricedOrder {
  quantity: Dec | null;
  quoteAmount: Dec | null;
}

export interface CheckedOrder {
  quantity: Dec;
  /** The price the notional was measured at. */
  price: Dec;
  notional: Dec;
}

/** The first filter an order breaks, with the figures an explanation needs. */
export type FilterBreach =
  | { filter: 'PRICE_FILTER'; field: 'price' | 'stopPrice'; price: Dec }
  | { filter: 'LOT_SIZE'; reason: 'step' | 'minQty'; quantity: Dec }
  | { filter: 'LOT_SIZE'; reason: 'quoteBuysTooLittle'; quoteAmount: Dec; quantity: Dec; price: Dec }
  | { filter: 'MIN_NOTIONAL'; quantity: Dec; price: Dec; notional: Dec };

export type FilterCheck = { ok: true; order: CheckedOrder } | { ok: false; breach: FilterBreach };

const breach = (b: FilterBreach): FilterCheck => ({ ok: false, breach: b });

export function checkExchangeFilters(order: SizedOrder, rules: SymbolRules, marketPrice: Dec): FilterCheck {
  let price = marketPrice;
  if (hasStopPrice(order.type) && order.stopPrice) {
    if (!isOnTick(order.stopPrice, rules)) return breach({ filter: 'PRICE_FILTER', field: 'stopPrice', price: order.stopPrice });
    price = order.stopPrice;
  }
  if (hasLimitPrice(order.type) && order.price) {
    if (!isOnTick(order.price, rules)) return breach({ filter: 'PRICE_FILTER', field: 'price', price: order.price });
    price = order.price;
  }

  let quantity: Dec;
  if (order.quantity) {
    quantity = order.quantity;
    if (!isOnStep(quantity, rules)) return breach({ filter: 'LOT_SIZE', reason: 'step', quantity });
  } else {
    const { quoteAmount } = order;
    // The request's validation refuses such an order first; reaching here is a bug.
    if (!quoteAmount) throw new Error('an order needs quantity or quoteAmount');
    quantity = quantityForQuote(quoteAmount, price, rules);
    if (isBelowMinQuantity(quantity, rules)) return breach({ filter: 'LOT_SIZE', reason: 'quoteBuysTooLittle', quoteAmount, quantity, price });
  }
  if (isBelowMinQuantity(quantity, rules)) return breach({ filter: 'LOT_SIZE', reason: 'minQty', quantity });

  const notional = quantity.times(price);
  if (isBelowMinNotional(notional, rules)) return breach({ filter: 'MIN_NOTIONAL', quantity, price, notional });
  return { ok: true, order: { quantity, price, notional } };
}
