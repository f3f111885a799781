/**
 * Trading fees, charged in USDT on top of the notional for buys and sells alike (docs/API.md):
 * a buy costs notional + fee, a sell pays out notional − fee.
 *
 * Rounding: the fee is rounded UP to 8 decimals (USDT's precision on Binance). Rounding up
 * means the simulated exchange never undercharges by a fraction of a unit, and a reservation
 * computed with the same function always covers the fee the fill will charge.
 */
import { AppError } from '../../../kernel/app-error.js';
import { Dec } from '../../../core/decimal.js';
import type { Liquidity } from './order-model.js';

export const FEE_SCALE = 8;

export interface FeeRates {
  /** Rate for resting orders the market fills (a limit order hit later). */
  maker: Dec;
  /** Rate for orders that take the market (market, triggered stops, marketable limits). */
  taker: Dec;
}

export const DEFAULT_FEE_RATES: FeeRates = { maker: new Dec('0.001'), taker: new Dec('0.001') };

/** Refuses rates a config could hold but the rules cannot honour: a sell must still pay out. */
export function checkFeeRates(rates: FeeRates): FeeRates {
  for (const [name, rate] of Object.entries(rates) as [string, Dec][]) {
    if (rate.isNegative() || rate.gte(1)) {
      throw new AppError('VALIDATION_FAILED', 400, `${name} fee rate must be at least 0 and below 1, got ${rate.toFixed()}`);
    }
  }
  return rates;
}

export function feeRate(liquidity: Liquidity, rates: FeeRates): Dec {
  return liquidity === 'maker' ? rates.maker : rates.taker;
}

/** The rate a reservation must assume when it cannot know how the order will fill. */
export function maxFeeRate(rates: FeeRates): Dec {
  return Dec.max(rates.maker, rates.taker);
}

/** notional × rate, rounded up to 8 decimals. */
export function feeFor(notional: Dec, rate: Dec): Dec {
  return notional.times(rate).toDecimalPlaces(FEE_SCALE, Dec.ROUND_UP);
}
