/**
 * Placing an order: check it against the exchange rules, then either fill it now or let it
 * rest with a reservation.
 *
 * - MARKET fills now at the live price with slippage (taker). The rules are checked at that
 *   execution price, and a quoteAmount buy gets the quantity it buys there.
 * - LIMIT rests unless the market already crosses it; a crossing ("marketable") limit takes
 *   the market at once like Binance does: live price with slippage, but never worse than the
 *   limit, paying the taker fee.
 * - STOP_LOSS / TAKE_PROFIT rest until triggered; one whose condition already holds at the
 *   live price is refused (WOULD_TRIGGER_IMMEDIATELY), as Binance refuses it.
 */
import { type CheckedOrder, Dec, isTriggered, reservationFor, type Reservation, type SymbolRules } from '@cryptosim/trading-rules';
import { checkExchangeRules } from './check-exchange-rules.js';
import type { CashAccount, Execution, MarketSnapshot, OrderIntent, Position } from './order-model.js';
import { planFill, type FillPlan } from './plan-fill.js';
import { reserveCash, reserveQuantity } from './reservations.js';
import { refuseTriggeredStop } from './refuse-triggered-stop.js';
import { takerFillPrice } from './slippage.js';
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
  | { kind: 'rest'; checked: CheckedOrder; reservation: Reservation; account: CashAccount; position: Position };

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
  if (isTriggered(intent, { previous: null, current: market.price })) {
    const slipped = takerPrice(input, checked.quantity.times(market.price));
    let price = slipped;
    if (intent.type === 'LIMIT' && intent.price) {
      price = intent.side === 'BUY' ? Dec.min(slipped, intent.price) : Dec.max(slipped, intent.price);
    }
    return fillNow(input, checked, { price, liquidity: 'taker' });
  }

  const reservation = reservationFor({ ...intent, quantity: checked.quantity }, rules, config);
  return reservation.asset === 'QUOTE'
    ? { kind: 'rest', checked, reservation, account: reserveCash(input.account, reservation.amount), position: input.position }
    : { kind: 'rest', checked, reservation, account: input.account, position: reserveQuantity(input.position, reservation.amount, rules.baseAsset) };
}
