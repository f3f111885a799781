import { hasLimitPrice, hasStopPrice, type FeeRatesResponse, type OrderType } from '@cryptosim/contracts';
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
function holdsNow(type: Exclude<OrderType, 'MARKET'>, level: Dec, market: Dec | null): boolean {
  return market !== null && isTriggered({ side: 'BUY', type, price: level, stopPrice: level }, { previous: null, current: market });
}

/**
 * What the server measures a BUY's cash need at:
 * - MARKET, a LIMIT that crosses the live price, a stop that has already triggered: they fill
 *   at once as taker, so the live (or limit) price and the taker rate, the preview's total.
 * - a resting LIMIT, LIMIT_MAKER, stop-limit or stop: the reservation rule (restingBuyPrice:
 *   the limit, or a stop's trigger moved by the slippage cap up to the tick) and the larger of
 *   the maker and taker rates, since it may fill either way. A stop-limit never fills at
 *   placement (its stop is on the far side), and an IOC / FOK limit that does not cross is
 *   checked against the same amount by the server before it expires.
 * `price` is the draft's limit price (for a stop-limit too), a stop's trigger, or the live price for MARKET.
 */
export function buyTerms(type: OrderType, price: Dec, ctx: BuyContext): BuyTerms {
  const taker = new Dec(ctx.rates.takerFeeRate);
  const larger = Dec.max(ctx.rates.makerFeeRate, taker);
  const market = ctx.marketPrice === undefined ? null : parseAmount(ctx.marketPrice);
  if (type === 'MARKET') return { price, feeRate: taker, resting: false };
  const resting: BuyTerms = { price: restingBuyPrice(type, price, new Dec(ctx.tickSize), new Dec(ctx.rates.stopSlippageCap)), feeRate: larger, resting: true };
  // A post-only order never takes, and a stop-limit's stop lies on the far side of the price: both rest.
  if (type === 'LIMIT_MAKER' || (hasLimitPrice(type) && hasStopPrice(type))) return resting;
  if (!holdsNow(type, price, market) || !market) return resting;
  if (type === 'LIMIT') return { price, feeRate: taker, resting: false };
  // A stop that already holds fills now as a market order, at the live price and not the trigger.
  return { price: market, feeRate: taker, resting: false };
}

/** Cash a buy of `quantity` holds or spends on `terms`: notional plus its fee (rounded up to 8 decimals). */
export function buyCost(quantity: Dec, terms: BuyTerms): Dec {
  return costWithFee(quantity.times(terms.price), terms.feeRate);
}
