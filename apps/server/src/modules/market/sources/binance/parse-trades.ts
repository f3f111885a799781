/**
 * Our parser of Binance's recent trades (`GET /api/v3/trades`): an array, oldest first, of
 * `{id, price, qty, quoteQty, time, isBuyerMaker, isBestMatch}` with 8-decimal strings. We
 * answer newest first with trimmed decimals; any other shape is rejected, never half-used.
 */
import type { MarketTrade } from '@cryptosim/contracts';
import { trimDecimal } from './parse-depth.js';

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;

function trade(value: unknown, i: number): MarketTrade {
  if (typeof value !== 'object' || value === null) throw new Error(`Binance trades: [${i}] is not an object`);
  const o = value as Record<string, unknown>;
  if (!Number.isSafeInteger(o.id) || !Number.isSafeInteger(o.time)) throw new Error(`Binance trades: [${i}] has no integer id and time`);
  if (typeof o.price !== 'string' || !DECIMAL.test(o.price) || typeof o.qty !== 'string' || !DECIMAL.test(o.qty)) {
    throw new Error(`Binance trades: [${i}] does not hold decimal strings`);
  }
  if (typeof o.isBuyerMaker !== 'boolean') throw new Error(`Binance trades: [${i}] has no isBuyerMaker`);
  return { id: o.id as number, price: trimDecimal(o.price), quantity: trimDecimal(o.qty), time: o.time as number, buyerMaker: o.isBuyerMaker };
}

export function parseTrades(body: unknown): MarketTrade[] {
  if (!Array.isArray(body)) throw new Error('Binance trades: not an array');
  return body.map(trade).reverse();
}
