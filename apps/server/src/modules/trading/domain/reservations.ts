/**
 * What an open order holds so that cash or coins are never spent twice.
 *
 * - SELL (any type): the quantity of the base asset. Sell fees come out of the proceeds,
 *   which always exceed them (fee rate < 1), so a sell holds no cash.
 * - BUY LIMIT: price × quantity + the fee at the larger of the maker and taker rates. The order
 *   fills at its limit price or better, as maker or taker, so this always covers the fill.
 * - BUY STOP_LOSS / TAKE_PROFIT: it becomes a market order when the price reaches the stop,
 *   filling at that price moved by slippage of at most `cap`, rounded up a tick. So it holds
 *   W × quantity + fee(W × quantity) with W = stopPrice × (1 + cap) rounded up to the tick.
 *   A price that gaps past the stop can still cost more; the fill then draws the difference
 *   from free cash, or is refused with INSUFFICIENT_BALANCE (plan-fill) and the order rejected.
 *
 * Free amounts are total − reserved and never negative: reserving more than is free is
 * refused with INSUFFICIENT_BALANCE / INSUFFICIENT_POSITION.
 */
import { AppError } from '../../../kernel/app-error.js';
import { ceilToStep, Dec } from '../../../core/decimal.js';
import { feeFor, maxFeeRate } from './fees.js';
import type { SymbolRules } from './check-exchange-rules.js';
import type { CashAccount, OrderIntent, Position, RestingOrder } from './order-model.js';
import type { TradingConfig } from './trading-config.js';

export interface Reservation {
  /** QUOTE: USDT from the cash account; BASE: the symbol's coin from the position. */
  asset: 'QUOTE' | 'BASE';
  amount: Dec;
}

export function reservationFor(order: OrderIntent & { quantity: Dec }, rules: SymbolRules, config: TradingConfig): Reservation {
  if (order.side === 'SELL') return { asset: 'BASE', amount: order.quantity };
  let worstPrice: Dec;
  if (order.type === 'LIMIT' && order.price) worstPrice = order.price;
  else if ((order.type === 'STOP_LOSS' || order.type === 'TAKE_PROFIT') && order.stopPrice) {
    worstPrice = ceilToStep(order.stopPrice.times(config.slippage.cap.plus(1)), rules.tickSize).toDecimalPlaces(18, Dec.ROUND_CEIL);
  } else {
    throw new Error(`a ${order.type} ${order.side} order does not rest, so it reserves nothing`);
  }
  const notional = worstPrice.times(order.quantity);
  return { asset: 'QUOTE', amount: notional.plus(feeFor(notional, maxFeeRate(config.fees))) };
}

const zeroFloor = (d: Dec) => Dec.max(d, 0);

export const availableCash = (account: CashAccount): Dec => zeroFloor(account.balance.minus(account.reserved));
export const availableQuantity = (position: Position): Dec => zeroFloor(position.quantity.minus(position.reservedQuantity));

export function reserveCash(account: CashAccount, amount: Dec): CashAccount {
  const free = availableCash(account);
  if (amount.gt(free)) {
    throw new AppError('INSUFFICIENT_BALANCE', 400, `the order needs ${amount.toFixed()} USDT but only ${free.toFixed()} USDT is available`);
  }
  return { ...account, reserved: account.reserved.plus(amount) };
}

export function releaseCash(account: CashAccount, amount: Dec): CashAccount {
  if (amount.gt(account.reserved)) {
    throw new Error(`cannot release ${amount.toFixed()} USDT: only ${account.reserved.toFixed()} is reserved`);
  }
  return { ...account, reserved: account.reserved.minus(amount) };
}

export function reserveQuantity(position: Position, quantity: Dec, asset: string): Position {
  const free = availableQuantity(position);
  if (quantity.gt(free)) {
    throw new AppError('INSUFFICIENT_POSITION', 400, `the order sells ${quantity.toFixed()} ${asset} but only ${free.toFixed()} ${asset} is available`);
  }
  return { ...position, reservedQuantity: position.reservedQuantity.plus(quantity) };
}

export function releaseQuantity(position: Position, quantity: Dec): Position {
  if (quantity.gt(position.reservedQuantity)) {
    throw new Error(`cannot release ${quantity.toFixed()}: only ${position.reservedQuantity.toFixed()} is reserved`);
  }
  return { ...position, reservedQuantity: position.reservedQuantity.minus(quantity) };
}

/** Cancel, reject or expiry: everything the order held returns at once. */
export function releaseOrder(order: RestingOrder, account: CashAccount, position: Position): { account: CashAccount; position: Position } {
  return order.side === 'BUY'
    ? { account: releaseCash(account, order.reservedAmount), position }
    : { account, position: releaseQuantity(position, order.reservedAmount) };
}
