/**
 * One position at the live price. Percentages are rounded half-up to 4 decimals (a display
 * figure); money amounts keep the stored 18 decimals.
 */
import type { PortfolioPosition } from '@cryptosim/contracts';
import { Dec, toDecimalString } from '@cryptosim/trading-rules';
import { availableQuantity, type Position } from '../../trading/index.js';

export const PERCENT_SCALE = 4;

export interface PositionValuation {
  symbol: string;
  quantity: Dec;
  available: Dec;
  avgPrice: Dec;
  marketPrice: Dec;
  marketValue: Dec;
  unrealizedPnl: Dec;
  /** 0 when the average price is 0 (nothing was paid, so no return can be stated). */
  unrealizedPnlPercent: Dec;
  realizedPnl: Dec;
}

/** (part / whole) × 100, rounded to PERCENT_SCALE; 0 for a zero whole. */
export function percentOf(part: Dec, whole: Dec): Dec {
  return whole.isZero() ? new Dec(0) : part.div(whole).times(100).toDecimalPlaces(PERCENT_SCALE, Dec.ROUND_HALF_UP);
}

export function valuePosition(symbol: string, position: Position, marketPrice: Dec): PositionValuation {
  const marketValue = position.quantity.times(marketPrice);
  const unrealizedPnl = marketPrice.minus(position.avgPrice).times(position.quantity);
  return {
    symbol,
    quantity: position.quantity,
    available: availableQuantity(position),
    avgPrice: position.avgPrice,
    marketPrice,
    marketValue,
    unrealizedPnl,
    unrealizedPnlPercent: percentOf(marketPrice.minus(position.avgPrice), position.avgPrice),
    realizedPnl: position.realizedPnl,
  };
}

export function toPortfolioPosition(v: PositionValuation): PortfolioPosition {
  return {
    symbol: v.symbol,
    quantity: toDecimalString(v.quantity),
    available: toDecimalString(v.available),
    avgPrice: toDecimalString(v.avgPrice),
    marketPrice: toDecimalString(v.marketPrice),
    marketValue: toDecimalString(v.marketValue),
    unrealizedPnl: toDecimalString(v.unrealizedPnl),
    unrealizedPnlPercent: toDecimalString(v.unrealizedPnlPercent),
    realizedPnl: toDecimalString(v.realizedPnl),
  };
}
