/**
 * Trading fees, charged in USDT on top of the notional for buys and sells alike:
 * a buy costs notional + fee, a sell pays out notional − fee.
 *
 * Rounding: the fee is rounded UP to 8 decimals (USDT's precision on Binance). Rounding up
 * means the simulated exchange never undercharges by a fraction of a unit, and a reservation
 * computed with the same function always covers the fee the fill will charge.
 */
import { Dec } from './decimal.js';

/** How an order met the market: resting and hit later (maker), or taking it at once (taker). */
export type Liquidity = 'maker' | 'taker';

export const FEE_SCALE = 8;

export interface FeeRates {
  /** Rate for resting orders the market fills (a limit order hit later). */
  maker: Dec;
  /** Rate for orders that take the market (market, triggered stops, marketable limits). */
  taker: Dec;
}

export const DEFAULT_FEE_RATES: FeeRates = { maker: new Dec('0.001'), taker: new Dec('0.001') };

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

/** What a buy of `notional` spends, or holds while it rests: the notional plus its fee. */
export function costWithFee(notional: Dec, rate: Dec): Dec {
  return notional.plus(feeFor(notional, rate));
}
