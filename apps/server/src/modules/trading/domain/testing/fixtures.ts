/**
 * Accounts, orders and symbols the trading tests share (test code only). The exchange's
 * BTCUSDT filters (`BTC_INFO`, `BTC`) come from `@cryptosim/trading-rules/testing`.
 */
import type { TimeInForce } from '@cryptosim/contracts';
import { dec, symbolRules } from '@cryptosim/trading-rules';
import { BTC_INFO } from '@cryptosim/trading-rules/testing';
import { NO_SLIPPAGE } from '../slippage.js';
import { DEFAULT_TRADING_CONFIG, type TradingConfig } from '../trading-config.js';
import type { CashAccount, OrderIntent, Position } from '../order-model.js';

/** A cheap coin with a coarse lot step, to exercise quantity flooring. */
export const DOGE = symbolRules({ ...BTC_INFO, symbol: 'DOGEUSDT', baseAsset: 'DOGE', tickSize: '0.00001', stepSize: '1', minQty: '1', minNotional: '1' });

export const NO_SLIP_CONFIG: TradingConfig = { ...DEFAULT_TRADING_CONFIG, slippage: NO_SLIPPAGE };

export const cash = (balance: string, reserved = '0'): CashAccount => ({ balance: dec(balance), reserved: dec(reserved) });

export const position = (quantity = '0', avgPrice = '0', reservedQuantity = '0', realizedPnl = '0'): Position => ({
  quantity: dec(quantity),
  avgPrice: dec(avgPrice),
  reservedQuantity: dec(reservedQuantity),
  realizedPnl: dec(realizedPnl),
});

type IntentFields = Partial<Record<'quantity' | 'quoteAmount' | 'price' | 'stopPrice', string>> & { timeInForce?: TimeInForce };

export const intent = (side: OrderIntent['side'], type: OrderIntent['type'], f: IntentFields): OrderIntent => ({
  side,
  type,
  quantity: f.quantity === undefined ? null : dec(f.quantity),
  quoteAmount: f.quoteAmount === undefined ? null : dec(f.quoteAmount),
  price: f.price === undefined ? null : dec(f.price),
  stopPrice: f.stopPrice === undefined ? null : dec(f.stopPrice),
  ...(f.timeInForce ? { timeInForce: f.timeInForce } : {}),
});

/** Expects `fn` to throw an AppError with `code`, returning its message for further checks. */
export function errorOf(fn: () => unknown): { code: string; status: number; message: string } {
  try {
    fn();
  } catch (err) {
    const e = err as { code?: string; status?: number; message: string };
    return { code: e.code ?? 'NOT_AN_APP_ERROR', status: e.status ?? 0, message: e.message };
  }
  throw new Error('expected the call to throw, but it returned');
}
