/** Symbols and orders the rules' tests share (test code only). */
import type { OrderSide, OrderType, SymbolInfo } from '@cryptosim/contracts';
import { type Dec, dec } from '../decimal.js';
import { symbolRules } from '../exchange-filters.js';
import type { PricedOrder } from '../trigger.js';

/** Binance's BTCUSDT filters. */
export const BTC_INFO: SymbolInfo = {
  symbol: 'BTCUSDT',
  baseAsset: 'BTC',
  quoteAsset: 'USDT',
  status: 'TRADING',
  tickSize: '0.01',
  stepSize: '0.00001',
  minQty: '0.00001',
  minNotional: '5',
};
export const BTC = symbolRules(BTC_INFO);

type OrderFields = Partial<Record<'quantity' | 'price' | 'stopPrice', string>>;

/** An order sized by quantity (0 when not given), with the prices given. */
export const order = (side: OrderSide, type: OrderType, f: OrderFields): PricedOrder & { quantity: Dec } => ({
  side,
  type,
  quantity: dec(f.quantity ?? '0'),
  price: f.price === undefined ? null : dec(f.price),
  stopPrice: f.stopPrice === undefined ? null : dec(f.stopPrice),
});
