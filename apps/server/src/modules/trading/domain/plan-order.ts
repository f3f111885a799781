/**
 * Placing an order: check it against the exchange rules, then either fill it now, let it rest
 * with a reservation, or (IOC / FOK) let it expire.
 *
 * - MARKET fills now at the live price with slippage (taker). The rules are checked at that
 *   execution price, and a quoteAmount buy gets the quantity it buys there.
 * - LIMIT rests unless the market already crosses it; a crossing ("marketable") limit takes
 *   the market at once like Binance does: live price with slippage, but never worse than the
 *   limit, paying the taker fee (take-at-limit.ts). With timeInForce IOC or FOK a limit that
 *   is not marketable expires instead of resting; orders fill whole here (no book depth), so
 *   IOC and FOK behave alike: all now, or nothing.
 * - LIMIT_MAKER (post-only) rests like a GTC limit and later fills as maker; one that would
 *   take the market now is refused (WOULD_MATCH_IMMEDIATELY), as Binance refuses it.
 * - STOP_LOSS / TAKE_PROFIT and their _LIMIT forms rest until triggered; one whose condition
 *   already holds at the live price is refused (WOULD_TRIGGER_IMMEDIATELY), as Binance refuses it.
 *
 * An order that expires at once is still checked against the free cash or coins it would have
 * held, so an order the account could not afford is refused, not accepted and expired.
 */
import { type CheckedOrder, Dec, reservationFor, restsAsLimit, type Reservation, type SymbolRules } from '@cryptosim/trading-rules';
import { AppError } from '../../../kernel/app-error.js';
import { checkExchangeRules } from './check-exchange-rules.js';
import type { CashAccount, Execution, MarketSnapshot, OrderIntent, Position } from './order-model.js';
import { planFill, type FillPlan } from './plan-fill.js';
import { reserveCash, reserveQuantity } from './reservations.js';
import { refuseTriggeredStop } from './refuse-triggered-stop.js';
import { takerFillPrice } from './slippage.js';
import { takeAtLimit } from './take-at-limit.js';
import { expiresUnlessFilled } from './time-in-force.js';
import type { TradingConfig } from './trading-config.js';

export interface PlaceInput {
  intent: OrderIntent;
  rules: SymbolRules;
  market: MarketSnapshot;
  account: CashAccount;
  position: Position;
  config: TradingConfig;
}

export type OrderPlan =
  | { kind: 'fill'; checked: CheckedOrder; execution: Execution; plan: FillPlan }
  | { kind: 'rest'; checked: CheckedOrder; reservation: Reservation; account: CashAccount; position: Position }
  /** IOC / FOK not marketable now: recorded as EXPIRED, holding and changing nothing. */
  | { kind: 'expire'; checked: CheckedOrder };

function takerPrice({ intent, market, rules, config }: PlaceInput, notional: Dec): Dec {
  return takerFillPrice(intent.side, market.price, notional, market.quoteVolume, rules.tickSize, config.slippage);
}

function fillNow(input: PlaceInput, checked: CheckedOrder, execution: Execution): OrderPlan {
  const order = { ...input.intent, quantity: checked.quantity };
  return { kind: 'fill', checked, execution, plan: planFill({ ...input, order, execution }) };
}

export function planOrder(input: PlaceInput): OrderPlan {
  const { intent, rules, market, config } = input;

  if (intent.type === 'MARKET') {
    const estimate = intent.quoteAmount ?? (intent.quantity ?? new Dec(0)).times(market.price);
    const price = takerPrice(input, estimate);
    return fillNow(input, checkExchangeRules(intent, rules, price), { price, liquidity: 'taker' });
  }

  const checked = checkExchangeRules(intent, rules, market.price);
  refuseTriggeredStop(intent, market.price);
  if (restsAsLimit(intent) && intent.price) {
    const take = takeAtLimit({ side: intent.side, limit: intent.price, quantity: checked.quantity }, market, rules, config);
    if (take && intent.type === 'LIMIT_MAKER') {
      throw new AppError(
        'WOULD_MATCH_IMMEDIATELY',
        400,
        `a LIMIT_MAKER ${intent.side} at ${intent.price.toFixed()} would immediately match and take: the price is ${market.price.toFixed()}; a post-only order must rest ${intent.side === 'BUY' ? 'below' : 'above'} the market`,
      );
    }
    if (take) return fillNow(input, checked, take);
  }

  const reservation = reservationFor({ ...intent, quantity: checked.quantity }, rules, config);
  const held =
    reservation.asset === 'QUOTE'
      ? { account: reserveCash(input.account, reservation.amount), position: input.position }
      : { account: input.account, position: reserveQuantity(input.position, reservation.amount, rules.baseAsset) };
  if (intent.type === 'LIMIT' && expiresUnlessFilled(intent.timeInForce)) return { kind: 'expire', checked };
  return { kind: 'rest', checked, reservation, ...held };
}
