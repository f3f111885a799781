/**
 * What a resting order holds so that cash or coins are never spent twice.
 *
 * - SELL (any type): the quantity of the base asset. Sell fees come out of the proceeds,
 *   which always exceed them (fee rate < 1), so a sell holds no cash.
 * - BUY LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT: price × quantity + the fee at
 *   the larger of the maker and taker rates. The order fills at its limit price or better, as
 *   maker or taker, so this always covers the fill. A stop-limit holds the same amount before
 *   and after its trigger: triggered, it is a limit at the same price.
 * - BUY STOP_LOSS / TAKE_PROFIT: it becomes a market order when the price reaches the stop,
 *   filling at that price moved by slippage of at most `cap`, rounded up a tick. So it holds
 *   W × quantity + fee(W × quantity) with W = stopPrice × (1 + cap) rounded up to the tick.
 *   A price that gaps past the stop can still cost more; the fill then draws the difference
 *   from free cash, or is refused.
 *
 * The web ticket sizes a buy with the same rule, so 100 % of the cash never asks for more than
 * the server will hold.
 */
import { hasLimitPrice, type OrderType } from '@cryptosim/contracts';
import { ceilToStep, Dec, STORED_SCALE } from './decimal.js';
import type { SymbolRules } from './exchange-filters.js';
import { costWithFee, type FeeRates, maxFeeRate } from './fees.js';
import type { PricedOrder } from './trigger.js';

/** The numbers a reservation depends on (the server's trading config has them). */
export interface ReservationTerms {
  fees: FeeRates;
  /** The stop slippage cap: the largest fractional move a triggered stop fills at. */
  slippage: { cap: Dec };
}

export interface Reservation {
  /** QUOTE: USDT from the cash account; BASE: the symbol's coin from the position. */
  asset: 'QUOTE' | 'BASE';
  amount: Dec;
}

/**
 * The worst price a resting buy can fill at: a limit price (LIMIT, LIMIT_MAKER, stop-limits) as
 * it is, a stop's trigger moved by the slippage cap and rounded up to the tick (and to the 18
 * decimals an amount is stored with). `level` is the limit price, or for a stop its trigger.
 */
export function restingBuyPrice(type: Exclude<OrderType, 'MARKET'>, level: Dec, tickSize: Dec, slippageCap: Dec): Dec {
  if (hasLimitPrice(type)) return level;
  return ceilToStep(level.times(slippageCap.plus(1)), tickSize).toDecimalPlaces(STORED_SCALE, Dec.ROUND_CEIL);
}

export function reservationFor(order: PricedOrder & { quantity: Dec }, rules: Pick<SymbolRules, 'tickSize'>, terms: ReservationTerms): Reservation {
  if (order.side === 'SELL') return { asset: 'BASE', amount: order.quantity };
  const level = hasLimitPrice(order.type) ? order.price : order.type === 'MARKET' ? null : order.stopPrice;
  if (order.type === 'MARKET' || !level) throw new Error(`a ${order.type} ${order.side} order does not rest, so it reserves nothing`);
  const worstPrice = restingBuyPrice(order.type, level, rules.tickSize, terms.slippage.cap);
  return { asset: 'QUOTE', amount: costWithFee(worstPrice.times(order.quantity), maxFeeRate(terms.fees)) };
}
