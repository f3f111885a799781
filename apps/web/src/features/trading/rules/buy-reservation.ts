import type { FeeRatesResponse, OrderType } from '@cryptosim/contracts';
import { costWithFee, Dec, isTriggered, parseAmount, restingBuyPrice } from '@cryptosim/trading-rules';

/** What a buy's cash need depends on besides its quantity. */
export interface BuyContext {
  /** Live price; undefined until the first ticker arrives. */
  marketPrice: string | undefined;
  tickSize: string;
  rates: FeeRatesResponse;
}

/**
 * The price and fee rate a buy's cash need is measured at. `resting`: the server will hold
 * this much until the order fills (its reservation), rather than spend it at once.
 */
export interface BuyTerms {
  price: Dec;
  feeRate: Dec;
  resting: boolean;
}

/** The order's condition holds at the live price, so the server fills it at placement. */
function holdsNow(type: OrderType, level: Dec, market: Dec | null): boolean {
  if (type === 'MARKET') return true;
  return market !== null && isTriggered({ side: 'BUY', type, price: level, stopPrice: level }, { previous: null, current: market });
}

/**
 * What the server measures a BUY's cash need at:
 * - MARKET, a LIMIT that crosses the live price, a stop that has already triggered: they fill
 *   at once as taker, so the live (or limit) price and the taker rate, the preview's total.
 * - a resting LIMIT or stop: the reservation rule (restingBuyPrice: the limit, or the trigger
 *   moved by the slippage cap up to the tick) and the larger of the maker and taker rates,
 *   since it may fill either way.
 * `price` is the draft's limit or trigger price, or the live price for MARKET.
 */
export function buyTerms(type: OrderType, price: Dec, ctx: BuyContext): BuyTerms {
  const taker = new Dec(ctx.rates.takerFeeRate);
  const larger = Dec.max(ctx.rates.makerFeeRate, taker);
  const market = ctx.marketPrice === undefined ? null : parseAmount(ctx.marketPrice);
  const fillsNow = holdsNow(type, price, market);
  if (type === 'MARKET' || (type === 'LIMIT' && fillsNow)) return { price, feeRate: taker, resting: false };
  // A stop that already holds fills now as a market order, at the live price and not the trigger.
  if (fillsNow && market) return { price: market, feeRate: taker, resting: false };
  return { price: restingBuyPrice(type, price, new Dec(ctx.tickSize), new Dec(ctx.rates.stopSlippageCap)), feeRate: larger, resting: true };
}

/** Cash a buy of `quantity` holds or spends on `terms`: notional plus its fee (rounded up to 8 decimals). */
export function buyCost(quantity: Dec, terms: BuyTerms): Dec {
  return costWithFee(quantity.times(terms.price), terms.feeRate);
}
