/**
 * The exchange filters (PRICE_FILTER, LOT_SIZE, MIN_NOTIONAL) as the API refuses them: the
 * first breach becomes a 400 problem whose message gives the figures to fix the order by.
 */
import { checkExchangeFilters, type CheckedOrder, type Dec, type FilterBreach, type SymbolRules } from '@cryptosim/trading-rules';
import { AppError } from '../../../kernel/app-error.js';
import type { OrderIntent } from './order-model.js';

function explain(breach: FilterBreach, rules: SymbolRules): string {
  switch (breach.filter) {
    case 'PRICE_FILTER':
      return `${breach.field} ${breach.price.toFixed()} is not a multiple of the ${rules.symbol} tick size ${rules.tickSize.toFixed()}`;
    case 'MIN_NOTIONAL':
      return `order value ${breach.notional.toFixed()} USDT (${breach.quantity.toFixed()} × ${breach.price.toFixed()}) is below the ${rules.symbol} minimum of ${rules.minNotional.toFixed()} USDT`;
    case 'LOT_SIZE':
      if (breach.reason === 'step') {
        return `quantity ${breach.quantity.toFixed()} is not a multiple of the ${rules.symbol} step size ${rules.stepSize.toFixed()}`;
      }
      if (breach.reason === 'quoteBuysTooLittle') {
        return `quoteAmount ${breach.quoteAmount.toFixed()} USDT buys ${breach.quantity.toFixed()} ${rules.baseAsset} at ${breach.price.toFixed()}, below the minimum quantity ${rules.minQty.toFixed()}`;
      }
      return `quantity ${breach.quantity.toFixed()} is below the ${rules.symbol} minimum quantity ${rules.minQty.toFixed()}`;
  }
}

export function checkExchangeRules(order: OrderIntent, rules: SymbolRules, marketPrice: Dec): CheckedOrder {
  if (!order.quantity && !order.quoteAmount) throw new AppError('VALIDATION_FAILED', 400, 'the order needs quantity or quoteAmount');
  const check = checkExchangeFilters(order, rules, marketPrice);
  if (!check.ok) throw new AppError(check.breach.filter, 400, explain(check.breach, rules));
  return check.order;
}
