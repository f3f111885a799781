/**
 * Holding and releasing what open orders reserve (reservationFor in @cryptosim/trading-rules
 * says how much), so that cash or coins are never spent twice.
 *
 * Free amounts are total − reserved and never negative: reserving more than is free is
 * refused with INSUFFICIENT_BALANCE / INSUFFICIENT_POSITION.
 */
import { Dec } from '@cryptosim/trading-rules';
import { AppError } from '../../../kernel/app-error.js';
import type { CashAccount, Position, RestingOrder } from './order-model.js';

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
