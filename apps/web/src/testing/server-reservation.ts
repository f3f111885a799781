/**
 * The server's own reservation rule, run on a ticket's inputs: the oracle the web rules are
 * tested against, so the two cannot drift apart unnoticed. Test-only (the bundle never
 * imports it); the server's domain modules are pure (decimal.js and the contracts only).
 */
import type { FeeRatesResponse, OrderType, SymbolInfo } from '@cryptosim/contracts';
import { dec } from '../../../server/src/core/decimal.js';
import { symbolRules } from '../../../server/src/modules/trading/domain/check-exchange-rules.js';
import { reservationFor } from '../../../server/src/modules/trading/domain/reservations.js';
import { tradingConfig } from '../../../server/src/modules/trading/domain/trading-config.js';

export interface RestingBuy {
  type: Extract<OrderType, 'LIMIT' | 'STOP_LOSS' | 'TAKE_PROFIT'>;
  /** The limit price (LIMIT) or the trigger (STOP_LOSS, TAKE_PROFIT). */
  price: string;
  quantity: string;
}

/** USDT the server holds for this resting buy (reservations.ts reservationFor). */
export function serverReservation(order: RestingBuy, rules: SymbolInfo, rates: FeeRatesResponse): string {
  const config = tradingConfig({ makerFeeRate: rates.makerFeeRate, takerFeeRate: rates.takerFeeRate, slippageCap: rates.stopSlippageCap });
  const level = dec(order.price);
  const intent = {
    side: 'BUY' as const,
    type: order.type,
    quantity: dec(order.quantity),
    quoteAmount: null,
    price: order.type === 'LIMIT' ? level : null,
    stopPrice: order.type === 'LIMIT' ? null : level,
  };
  return reservationFor(intent, symbolRules(rules), config).amount.toFixed();
}
