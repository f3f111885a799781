/**
 * Our parser of Binance's REST order book (`GET /api/v3/depth`):
 * `{lastUpdateId, bids: [["price","qty"], …], asks: [...]}`. Prices and quantities come with
 * Binance's 8 fixed decimals ("71074.84000000"); we strip the trailing zeros so the book reads
 * like every other decimal string we serve. Any other shape is rejected, never half-used.
 */
import { Decimal } from 'decimal.js';

export type BookLevel = [price: string, qty: string];

export interface BinanceDepth {
  lastUpdateId: number;
  bids: BookLevel[];
  asks: BookLevel[];
}

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;

/** "71074.84000000" → "71074.84", "1.00000000" → "1". */
export function trimDecimal(value: string): string {
  return new Decimal(value).toFixed();
}

function levels(value: unknown, side: string): BookLevel[] {
  if (!Array.isArray(value)) throw new Error(`Binance depth: ${side} is not an array`);
  return value.map((level: unknown, i) => {
    if (!Array.isArray(level) || level.length < 2) throw new Error(`Binance depth: ${side}[${i}] is not a [price, qty] pair`);
    const [price, qty] = level as unknown[];
    if (typeof price !== 'string' || !DECIMAL.test(price) || typeof qty !== 'string' || !DECIMAL.test(qty)) {
      throw new Error(`Binance depth: ${side}[${i}] does not hold decimal strings`);
    }
    return [trimDecimal(price), trimDecimal(qty)];
  });
}

export function parseDepth(body: unknown): BinanceDepth {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('Binance depth: not an object');
  const o = body as Record<string, unknown>;
  if (typeof o.lastUpdateId !== 'number' || !Number.isSafeInteger(o.lastUpdateId)) {
    throw new Error('Binance depth: lastUpdateId is not an integer');
  }
  return { lastUpdateId: o.lastUpdateId, bids: levels(o.bids, 'bids'), asks: levels(o.asks, 'asks') };
}
