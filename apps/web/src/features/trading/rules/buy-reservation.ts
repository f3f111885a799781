import type { FeeRatesResponse, OrderType } from '@cryptosim/contracts';
import { ceilToStep, Decimal, feeFor, parseAmount } from './decimal-math';

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
  price: Decimal;
  feeRate: Decimal;
  resting: boolean;
}

/** The server keeps 18 fractional digits (NUMERIC(36,18)); a reservation's price is rounded up to them. */
const STORED_SCALE = 18;

/** The order's trigger condition holds at the live price, as the server's isTriggered at placement. */
function holdsNow(type: OrderType, level: Decimal, market: Decimal | null): boolean {
  if (market === null) return false;
  if (type === 'LIMIT' || type === 'TAKE_PROFIT') return market.lte(level);
  if (type === 'STOP_LOSS') return market.gte(level);
  return true;
}

/**
 * What the server measures a BUY's cash need at (plan-order.ts, reservations.ts):
 * - MARKET, a LIMIT that crosses the live price, a stop that has already triggered: they fill
 *   at once as taker, so the live (or limit) price and the taker rate, the preview's total.
 * - a resting LIMIT: its price and the larger of the maker and taker rates, since it may fill
 *   either way.
 * - a resting STOP_LOSS / TAKE_PROFIT: W = price × (1 + slippage cap) rounded up to the tick,
 *   the worst price it can fill at when triggered, and the larger rate.
 * `price` is the draft's limit or trigger price, or the live price for MARKET.
 */
export function buyTerms(type: OrderType, price: Decimal, ctx: BuyContext): BuyTerms {
  const taker = new Decimal(ctx.rates.takerFeeRate);
  const larger = Decimal.max(ctx.rates.makerFeeRate, taker);
  const market = ctx.marketPrice === undefined ? null : parseAmount(ctx.marketPrice);
  const fillsNow = holdsNow(type, price, market);
  if (type === 'MARKET' || (type === 'LIMIT' && fillsNow)) return { price, feeRate: taker, resting: false };
  if (type === 'LIMIT') return { price, feeRate: larger, resting: true };
  // A stop that already holds fills now as a market order, at the live price and not the trigger.
  if (fillsNow && market) return { price: market, feeRate: taker, resting: false };
  const cap = new Decimal(ctx.rates.stopSlippageCap);
  const worst = ceilToStep(price.times(cap.plus(1)), new Decimal(ctx.tickSize)).toDecimalPlaces(STORED_SCALE, Decimal.ROUND_CEIL);
  return { price: worst, feeRate: larger, resting: true };
}

/** Cash a buy of `quantity` holds or spends on `terms`: notional plus its fee (rounded up to 8 decimals). */
export function buyCost(quantity: Decimal, terms: BuyTerms): Decimal {
  const notional = quantity.times(terms.price);
  return notional.plus(feeFor(notional, terms.feeRate));
}
