/**
 * Our orders and fills in Binance's shapes: the order query, the three new-order reply types
 * (ACK, RESULT, FULL with `fills`), the cancel reply and myTrades rows. Fees are charged in
 * USDT on buys and sells alike (our engine's rule), so `commissionAsset` is always USDT.
 */
import type { Order, Transaction } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import { bdec } from '../binance-decimal.js';

const ZERO = bdec('0');
const ms = (iso: string) => new Date(iso).getTime();
const or0 = (value: string | null) => (value === null ? ZERO : bdec(value));

/** The quote asset spent or received so far: filled quantity × average fill price. */
export const cumulativeQuote = (o: Order) => (o.avgFillPrice === null ? ZERO : bdec(new Dec(o.filledQuantity).times(o.avgFillPrice)));

function core(o: Order) {
  return {
    symbol: o.symbol,
    orderId: o.id,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
  };
}

function figures(o: Order) {
  return {
    price: or0(o.price),
    origQty: or0(o.quantity),
    executedQty: bdec(o.filledQuantity),
    cummulativeQuoteQty: cumulativeQuote(o),
    status: o.status,
    // Binance reports GTC for the types that take no time in force (MARKET, the stops, LIMIT_MAKER).
    timeInForce: o.timeInForce ?? 'GTC',
    type: o.type,
    side: o.side,
  };
}

export function queriedOrder(o: Order) {
  return {
    ...core(o),
    ...figures(o),
    stopPrice: or0(o.stopPrice),
    icebergQty: ZERO,
    time: ms(o.createdAt),
    updateTime: ms(o.updatedAt),
    isWorking: o.status === 'NEW' || o.status === 'PARTIALLY_FILLED' || o.status === 'FILLED',
    workingTime: ms(o.createdAt),
    origQuoteOrderQty: or0(o.quoteAmount),
    selfTradePreventionMode: 'NONE',
  };
}

export function fillRow(f: Transaction) {
  return { price: bdec(f.price), qty: bdec(f.quantity), commission: bdec(f.fee), commissionAsset: 'USDT', tradeId: f.id };
}

export type RespType = 'ACK' | 'RESULT' | 'FULL';

export function newOrderReply(o: Order, fills: Transaction[], respType: RespType) {
  const ack = { ...core(o), transactTime: ms(o.createdAt) };
  if (respType === 'ACK') return ack;
  const result = { ...ack, ...figures(o), workingTime: ms(o.createdAt), origQuoteOrderQty: or0(o.quoteAmount), selfTradePreventionMode: 'NONE', ...(o.stopPrice ? { stopPrice: bdec(o.stopPrice) } : {}) };
  if (respType === 'RESULT') return result;
  return { ...result, fills: fills.map(fillRow) };
}

export function canceledOrder(o: Order) {
  return {
    symbol: o.symbol,
    origClientOrderId: o.clientOrderId,
    orderId: o.id,
    orderListId: -1,
    clientOrderId: o.clientOrderId,
    transactTime: ms(o.updatedAt),
    ...figures(o),
    ...(o.stopPrice ? { stopPrice: bdec(o.stopPrice) } : {}),
    selfTradePreventionMode: 'NONE',
  };
}

/** `isMaker`: a LIMIT order's fill after placement (the matcher's) is maker; at placement it took the market. */
export function tradeRow(f: Transaction, o: Order | undefined) {
  return {
    symbol: f.symbol,
    id: f.id,
    orderId: f.orderId,
    orderListId: -1,
    price: bdec(f.price),
    qty: bdec(f.quantity),
    quoteQty: bdec(f.totalAmount),
    commission: bdec(f.fee),
    commissionAsset: 'USDT',
    time: ms(f.createdAt),
    isBuyer: f.type === 'BUY',
    isMaker: o?.type === 'LIMIT' && ms(f.createdAt) !== ms(o.createdAt),
    isBestMatch: true,
  };
}
