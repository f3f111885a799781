/**
 * One fill and what it does to the account: the cash, the reservation the order held, the
 * position's quantity and average price, and the realized P&L of a sell. Orders fill in full
 * (the simulator has no order book depth to split them).
 *
 * - BUY: pays notional + fee from cash. The order's reservation is released first, so a
 *   resting order pays from what it held and any over-reservation (a better fill price, a
 *   maker fee below the reserved taker fee) returns to free cash in the same step.
 *   New average price = (q0 × avg0 + q × price) / (q0 + q): fees excluded (Binance-style; the
 *   fee is a cost of its own, counted in realized P&L of the sell and in the fee totals).
 * - SELL: receives notional − fee. Realized P&L = (price − avgPrice) × q − fee. The average
 *   price stays; it resets to 0 when the position is closed.
 *
 * Stored amounts have 18 decimals: a notional past that is rounded against the trader, the
 * average price and realized P&L half-up.
 */
import { AppError } from '../../../kernel/app-error.js';
import { Dec, feeFor, feeRate, quantityForQuote, STORED_SCALE, type SymbolRules } from '@cryptosim/trading-rules';
import type { CashAccount, Execution, Liquidity, OrderIntent, OrderSide, Position } from './order-model.js';
import { availableCash, availableQuantity, releaseCash, releaseQuantity } from './reservations.js';
import type { TradingConfig } from './trading-config.js';

export interface FillInput {
  /** `reservedAmount`: what the order holds now (absent or 0 for an order that never rested). */
  order: OrderIntent & { reservedAmount?: Dec };
  execution: Execution;
  rules: SymbolRules;
  account: CashAccount;
  position: Position;
  config: TradingConfig;
}

export interface Fill {
  side: OrderSide;
  quantity: Dec;
  price: Dec;
  /** quantity × price, before the fee (transactions.total_amount). */
  notional: Dec;
  fee: Dec;
  liquidity: Liquidity;
  /** Sells only: (price − avgPrice) × quantity − fee. */
  realizedPnl: Dec | null;
}

export interface FillPlan {
  fill: Fill;
  account: CashAccount;
  position: Position;
  /** The reservation returned (USDT for a buy, base asset for a sell). */
  released: Dec;
}

function fillQuantity({ order, execution, rules }: FillInput): Dec {
  if (order.quantity) return order.quantity;
  if (!order.quoteAmount) throw new Error('an order needs quantity or quoteAmount to fill');
  const quantity = quantityForQuote(order.quoteAmount, execution.price, rules);
  if (quantity.isZero() || quantity.lt(rules.minQty)) {
    throw new AppError(
      'LOT_SIZE',
      400,
      `quoteAmount ${order.quoteAmount.toFixed()} USDT buys ${quantity.toFixed()} ${rules.baseAsset} at ${execution.price.toFixed()}, below the minimum quantity ${rules.minQty.toFixed()}`,
    );
  }
  return quantity;
}

export function planFill(input: FillInput): FillPlan {
  const { order, execution, account, position, config, rules } = input;
  const quantity = fillQuantity(input);
  const price = execution.price;
  const released = order.reservedAmount ?? new Dec(0);
  const rounding = order.side === 'BUY' ? Dec.ROUND_CEIL : Dec.ROUND_FLOOR;
  const notional = quantity.times(price).toDecimalPlaces(STORED_SCALE, rounding);
  const fee = feeFor(notional, feeRate(execution.liquidity, config.fees));

  if (order.side === 'BUY') {
    const unlocked = releaseCash(account, released);
    const cost = notional.plus(fee);
    const free = availableCash(unlocked);
    if (cost.gt(free)) {
      throw new AppError('INSUFFICIENT_BALANCE', 400, `the fill costs ${cost.toFixed()} USDT (fee included) but only ${free.toFixed()} USDT is available`);
    }
    const newQuantity = position.quantity.plus(quantity);
    const avgPrice = position.quantity.times(position.avgPrice).plus(notional).div(newQuantity).toDecimalPlaces(STORED_SCALE);
    return {
      fill: { side: 'BUY', quantity, price, notional, fee, liquidity: execution.liquidity, realizedPnl: null },
      account: { balance: unlocked.balance.minus(cost), reserved: unlocked.reserved },
      position: { ...position, quantity: newQuantity, avgPrice },
      released,
    };
  }

  const unlocked = releaseQuantity(position, released);
  const free = availableQuantity(unlocked);
  if (quantity.gt(free)) {
    throw new AppError('INSUFFICIENT_POSITION', 400, `the fill sells ${quantity.toFixed()} ${rules.baseAsset} but only ${free.toFixed()} is available`);
  }
  const realizedPnl = price.minus(position.avgPrice).times(quantity).minus(fee).toDecimalPlaces(STORED_SCALE);
  const remaining = unlocked.quantity.minus(quantity);
  return {
    fill: { side: 'SELL', quantity, price, notional, fee, liquidity: execution.liquidity, realizedPnl },
    account: { ...account, balance: account.balance.plus(notional).minus(fee) },
    position: {
      quantity: remaining,
      reservedQuantity: unlocked.reservedQuantity,
      avgPrice: remaining.isZero() ? new Dec(0) : position.avgPrice,
      realizedPnl: position.realizedPnl.plus(realizedPnl),
    },
    released,
  };
}
