/**
 * Binance spot filters for one order: PRICE_FILTER (tick size), LOT_SIZE (step, minimum
 * quantity) and MIN_NOTIONAL. A filter value of 0 disables it, as on Binance.
 *
 * The notional is measured at the price the order is meant to trade at: the limit price for
 * LIMIT, the trigger price for STOP_LOSS/TAKE_PROFIT, and for MARKET the execution price the
 * caller computed (live price with slippage). A MARKET buy sized by quoteAmount buys
 * floor(quoteAmount / price) to the step, and that derived quantity must pass LOT_SIZE too.
 */
import type { SymbolInfo } from '@cryptosim/contracts';
import { AppError } from '../../../kernel/app-error.js';
import { Dec, dec, floorToStep, isMultipleOf } from '../../../core/decimal.js';
import type { OrderIntent } from './order-model.js';

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

export interface CheckedOrder {
  quantity: Dec;
  /** The price the notional was measured at. */
  price: Dec;
  notional: Dec;
}

const refuse = (code: 'PRICE_FILTER' | 'LOT_SIZE' | 'MIN_NOTIONAL', message: string) => new AppError(code, 400, message);

function checkTick(field: string, price: Dec, rules: SymbolRules): void {
  if (!isMultipleOf(price, rules.tickSize)) {
    throw refuse('PRICE_FILTER', `${field} ${price.toFixed()} is not a multiple of the ${rules.symbol} tick size ${rules.tickSize.toFixed()}`);
  }
}

/** The quantity a quote amount buys at `price`, floored to the lot step. */
export function quantityForQuote(quoteAmount: Dec, price: Dec, rules: SymbolRules): Dec {
  return floorToStep(quoteAmount.div(price), rules.stepSize).toDecimalPlaces(18, Dec.ROUND_DOWN);
}

export function checkExchangeRules(order: OrderIntent, rules: SymbolRules, marketPrice: Dec): CheckedOrder {
  let price = marketPrice;
  if (order.type === 'LIMIT' && order.price) {
    checkTick('price', order.price, rules);
    price = order.price;
  } else if ((order.type === 'STOP_LOSS' || order.type === 'TAKE_PROFIT') && order.stopPrice) {
    checkTick('stopPrice', order.stopPrice, rules);
    price = order.stopPrice;
  }

  let quantity: Dec;
  if (order.quantity) {
    quantity = order.quantity;
    if (!isMultipleOf(quantity, rules.stepSize)) {
      throw refuse('LOT_SIZE', `quantity ${quantity.toFixed()} is not a multiple of the ${rules.symbol} step size ${rules.stepSize.toFixed()}`);
    }
  } else if (order.quoteAmount) {
    quantity = quantityForQuote(order.quoteAmount, price, rules);
    if (quantity.isZero() || quantity.lt(rules.minQty)) {
      throw refuse(
        'LOT_SIZE',
        `quoteAmount ${order.quoteAmount.toFixed()} USDT buys ${quantity.toFixed()} ${rules.baseAsset} at ${price.toFixed()}, below the minimum quantity ${rules.minQty.toFixed()}`,
      );
    }
  } else {
    throw new AppError('VALIDATION_FAILED', 400, 'the order needs quantity or quoteAmount');
  }
  if (quantity.lt(rules.minQty) || quantity.isZero()) {
    throw refuse('LOT_SIZE', `quantity ${quantity.toFixed()} is below the ${rules.symbol} minimum quantity ${rules.minQty.toFixed()}`);
  }

  const notional = quantity.times(price);
  if (notional.lt(rules.minNotional)) {
    throw refuse(
      'MIN_NOTIONAL',
      `order value ${notional.toFixed()} USDT (${quantity.toFixed()} × ${price.toFixed()}) is below the ${rules.symbol} minimum of ${rules.minNotional.toFixed()} USDT`,
    );
  }
  return { quantity, price, notional };
}
