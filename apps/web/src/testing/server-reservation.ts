/**
 * The server's reservation rule (reservationFor, which the server's placement runs), applied
 * to a ticket's inputs: the oracle the ticket's buy terms and sizing are tested against, so the
 * ticket's choice of price and fee rate cannot drift from what the server holds. Test-only.
 */
import type { FeeRatesResponse, OrderType, SymbolInfo } from '@cryptosim/contracts';
import { dec, reservationFor, symbolRules } from '@cryptosim/trading-rules';

export interface RestingBuy {
  type: Extract<OrderType, 'LIMIT' | 'STOP_LOSS' | 'TAKE_PROFIT'>;
  /** The limit price (LIMIT) or the trigger (STOP_LOSS, TAKE_PROFIT). */
  price: string;
  quantity: string;
}

/** USDT the server holds for this resting buy. */
export function serverReservation(order: RestingBuy, rules: SymbolInfo, rates: FeeRatesResponse): string {
  const terms = {
    fees: { maker: dec(rates.makerFeeRate), taker: dec(rates.takerFeeRate) },
    slippage: { cap: dec(rates.stopSlippageCap) },
  };
  const level = dec(order.price);
  const intent = {
    side: 'BUY' as const,
    type: order.type,
    quantity: dec(order.quantity),
    price: order.type === 'LIMIT' ? level : null,
    stopPrice: order.type === 'LIMIT' ? null : level,
  };
  return reservationFor(intent, symbolRules(rules), terms).amount.toFixed();
}
