/** POST /api/v3/order's parameters → our engine's order body, with Binance's refusals. */
import { hasLimitPrice, hasStopPrice, type PlaceOrderRequest } from '@cryptosim/contracts';
import { BinanceError, illegalChars, mandatoryParam } from '../binance-error.js';
import type { BinanceParams } from '../binance-params.js';
import { checkTimeInForce, engineOrderType } from './order-type-map.js';
import type { RespType } from './binance-order-view.js';

const CLIENT_ORDER_ID = /^[A-Za-z0-9_-]{1,36}$/;

export interface NewOrder {
  side: 'BUY' | 'SELL';
  body: PlaceOrderRequest;
  respType: RespType;
}

export function newOrderOf(params: BinanceParams): NewOrder {
  const symbol = params.symbolName('symbol');
  if (symbol === undefined) throw mandatoryParam('symbol');
  const side = params.oneOf('side', ['BUY', 'SELL'] as const, () => new BinanceError(-1117, 'Invalid side.'));
  if (!side) throw mandatoryParam('side');
  const type = engineOrderType(params.required('type'));
  const timeInForce = checkTimeInForce(type, params.optional('timeInForce'));
  if (params.has('icebergQty')) throw new BinanceError(-2010, 'Iceberg orders are not supported for this symbol.');
  if (params.has('trailingDelta')) throw new BinanceError(-2010, 'Trailing stop orders are not supported for this symbol.');

  const quantity = params.decimal('quantity');
  const quoteOrderQty = params.decimal('quoteOrderQty');
  const price = params.decimal('price');
  const stopPrice = params.decimal('stopPrice');
  if (quantity !== undefined && quoteOrderQty !== undefined) throw new BinanceError(-1106, "Parameter 'quoteOrderQty' sent when not required.");
  if (type === 'MARKET') {
    if (quantity === undefined && quoteOrderQty === undefined) throw new BinanceError(-1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
    if (quoteOrderQty !== undefined && side === 'SELL') throw new BinanceError(-2010, 'Quote order qty market orders are not support for this symbol.');
    if (price !== undefined) throw new BinanceError(-1106, "Parameter 'price' sent when not required.");
  } else {
    if (quantity === undefined) throw mandatoryParam('quantity');
    if (quoteOrderQty !== undefined) throw new BinanceError(-1106, "Parameter 'quoteOrderQty' sent when not required.");
  }
  if (hasLimitPrice(type) && price === undefined) throw mandatoryParam('price');
  if (!hasLimitPrice(type) && type !== 'MARKET' && price !== undefined) throw new BinanceError(-1106, "Parameter 'price' sent when not required.");
  if (hasStopPrice(type) && stopPrice === undefined) throw mandatoryParam('stopPrice');
  if (!hasStopPrice(type) && stopPrice !== undefined) throw new BinanceError(-1106, "Parameter 'stopPrice' sent when not required.");

  const clientOrderId = params.optional('newClientOrderId');
  if (clientOrderId !== undefined && !CLIENT_ORDER_ID.test(clientOrderId)) throw illegalChars('newClientOrderId', '^[A-Za-z0-9_-]{1,36}$');
  const respType = params.oneOf('newOrderRespType', ['ACK', 'RESULT', 'FULL'] as const) ?? (type === 'MARKET' || type === 'LIMIT' ? 'FULL' : 'ACK');

  const body: PlaceOrderRequest = {
    symbol,
    type,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(quoteOrderQty !== undefined ? { quoteAmount: quoteOrderQty } : {}),
    ...(price !== undefined ? { price } : {}),
    ...(stopPrice !== undefined ? { stopPrice } : {}),
    ...(timeInForce !== undefined ? { timeInForce } : {}),
    ...(clientOrderId !== undefined ? { clientOrderId } : {}),
  };
  return { side, body, respType };
}
