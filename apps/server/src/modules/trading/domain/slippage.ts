/**
 * Slippage for orders that take the market (market orders and triggered stops).
 *
 * Model — the square-root market-impact law used in execution research (Almgren et al.,
 * Bouchaud): the price moves against the taker by a fraction
 *
 *     slip = min(cap, k × √(notional / recentQuoteVolume))
 *
 * so doubling an order's share of recent volume costs √2 times more, not twice as much. k
 * plays the role of the asset's daily volatility (≈ 2–5 % for large crypto pairs); the
 * default 0.03 makes a 100 000 USDT BTC order against 20 B USDT of 24 h volume slip 0.0067 %,
 * and an order worth 1 % of the day's volume 0.3 %. `cap` bounds the move (and with it the
 * reservation of a buy stop); k = 0 turns slippage off. No recent volume counts as an
 * infinitely large order: the cap applies.
 *
 * The moved price is rounded to the tick against the taker (up for buys, down for sells) so
 * the rounding never favours the simulated trader, and a sell never fills below one tick.
 */
import { AppError } from '../../../kernel/app-error.js';
import { ceilToStep, Dec, floorToStep } from '@cryptosim/trading-rules';
import type { OrderSide } from './order-model.js';

export interface SlippageModel {
  /** Impact coefficient; 0 disables slippage. */
  k: Dec;
  /** Largest fractional move, e.g. 0.05 for 5 %. */
  cap: Dec;
}

export const DEFAULT_SLIPPAGE: SlippageModel = { k: new Dec('0.03'), cap: new Dec('0.05') };
export const NO_SLIPPAGE: SlippageModel = { k: new Dec(0), cap: new Dec(0) };

export function checkSlippageModel(model: SlippageModel): SlippageModel {
  if (model.k.isNegative()) throw new AppError('VALIDATION_FAILED', 400, `slippage k must not be negative, got ${model.k.toFixed()}`);
  if (model.cap.isNegative() || model.cap.gte(1)) {
    throw new AppError('VALIDATION_FAILED', 400, `slippage cap must be at least 0 and below 1, got ${model.cap.toFixed()}`);
  }
  return model;
}

/** The square root's working precision: more digits than a NUMERIC(36,18) price has. */
const Root = Dec.clone({ precision: 40 });

/**
 * √ratio to about 32 significant digits: the float root (correctly rounded, so the same on
 * every machine) refined by one Newton step in decimals, which doubles its ~16 correct digits.
 * decimal.js's own root at Dec's 80 digits was the costliest step of a market order, and the
 * moved price is rounded to the tick anyway. An exact root (0.0001 → 0.01) stays exact.
 */
function sqrtOf(ratio: Dec): Dec {
  const guess = Math.sqrt(ratio.toNumber());
  if (!Number.isFinite(guess) || guess === 0) return new Dec(new Root(ratio).sqrt());
  const x = new Root(guess);
  return new Dec(x.plus(new Root(ratio).div(x)).div(2));
}

/** The fractional price move an order of `notional` USDT causes. */
export function slippageFraction(notional: Dec, recentQuoteVolume: Dec, model: SlippageModel): Dec {
  if (model.k.isZero() || model.cap.isZero() || notional.lte(0)) return new Dec(0);
  if (recentQuoteVolume.lte(0)) return model.cap;
  const impact = model.k.times(sqrtOf(new Root(notional).div(recentQuoteVolume)));
  return Dec.min(impact, model.cap);
}

/** The price a taker of `notional` USDT gets when the market stands at `livePrice`. */
export function takerFillPrice(
  side: OrderSide,
  livePrice: Dec,
  notional: Dec,
  recentQuoteVolume: Dec,
  tickSize: Dec,
  model: SlippageModel,
): Dec {
  const slip = slippageFraction(notional, recentQuoteVolume, model);
  if (side === 'BUY') return ceilToStep(livePrice.times(slip.plus(1)), tickSize).toDecimalPlaces(18, Dec.ROUND_CEIL);
  const moved = floorToStep(livePrice.times(new Dec(1).minus(slip)), tickSize).toDecimalPlaces(18, Dec.ROUND_FLOOR);
  const floor = tickSize.isZero() ? new Dec('1e-18') : tickSize;
  return Dec.max(moved, floor);
}
