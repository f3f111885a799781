/**
 * How a marketable limit takes the market: at the live price moved by slippage, as a market
 * order would, but never worse than its limit; it pays the taker fee. A LIMIT placed across
 * the price does this at once, and so does a stop-limit whose limit is marketable the moment
 * its stop triggers.
 *
 * "Marketable" is judged against the one live price the simulator has (no order book): a buy
 * limit at or above it, a sell limit at or below it (isMarketable in @cryptosim/trading-rules).
 */
import { Dec, isMarketable, type SymbolRules } from '@cryptosim/trading-rules';
import type { Execution, MarketSnapshot, OrderSide } from './order-model.js';
import { takerFillPrice } from './slippage.js';
import type { TradingConfig } from './trading-config.js';

export interface LimitTake {
  side: OrderSide;
  limit: Dec;
  quantity: Dec;
}

/** The execution of a limit that takes the market now, or null when it is not marketable at the live price. */
export function takeAtLimit(order: LimitTake, market: MarketSnapshot, rules: SymbolRules, config: TradingConfig): Execution | null {
  if (!isMarketable(order.side, order.limit, market.price)) return null;
  const slipped = takerFillPrice(order.side, market.price, order.quantity.times(market.price), market.quoteVolume, rules.tickSize, config.slippage);
  const price = order.side === 'BUY' ? Dec.min(slipped, order.limit) : Dec.max(slipped, order.limit);
  return { price, liquidity: 'taker' };
}
