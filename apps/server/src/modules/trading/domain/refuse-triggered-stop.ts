/**
 * A stop or take-profit (market or limit form) whose condition already holds at the live price would fill at once as
 * a market order, usually far from the level the user typed: a sell stop above the price, a
 * buy stop below it. Binance refuses these ("Order would trigger immediately"), and so do we,
 * so a stop is always an order that waits.
 */
import { AppError } from '../../../kernel/app-error.js';
import { hasStopPrice } from '@cryptosim/contracts';
import { triggerCondition, type Dec } from '@cryptosim/trading-rules';
import type { OrderIntent } from './order-model.js';

export function refuseTriggeredStop(intent: OrderIntent, marketPrice: Dec): void {
  if (!hasStopPrice(intent.type)) return;
  const { when, level } = triggerCondition(intent);
  const holds = when === 'atOrBelow' ? marketPrice.lte(level) : marketPrice.gte(level);
  if (!holds) return;
  const side = when === 'atOrBelow' ? 'below' : 'above';
  throw new AppError(
    'WOULD_TRIGGER_IMMEDIATELY',
    400,
    `stopPrice ${level.toFixed()} would trigger immediately: the price ${marketPrice.toFixed()} is already at or ${side} it; a ${intent.side} ${intent.type} must be placed on the other side of the market`,
  );
}
