/**
 * One print from Binance's `<symbol>@trade` stream, as the combined stream wraps it:
 * `{"stream":"btcusdt@trade","data":{"e":"trade","E":…,"s":"BTCUSDT","t":12345,"p":"0.001",
 * "q":"100","T":…,"m":true,"M":true}}`. Anything else (another stream, a malformed frame) is
 * undefined: never half-used.
 */
import type { MarketTrade } from '@cryptosim/contracts';
import { trimDecimal } from '../sources/binance/parse-depth.js';

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;

export function parseTradeEvent(raw: string, symbol: string): MarketTrade | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof frame !== 'object' || frame === null) return undefined;
  const { stream, data } = frame as { stream?: unknown; data?: unknown };
  if (stream !== `${symbol.toLowerCase()}@trade` || typeof data !== 'object' || data === null) return undefined;
  const d = data as Record<string, unknown>;
  if (d.e !== 'trade' || d.s !== symbol) return undefined;
  if (!Number.isSafeInteger(d.t) || !Number.isSafeInteger(d.T) || typeof d.m !== 'boolean') return undefined;
  if (typeof d.p !== 'string' || !DECIMAL.test(d.p) || typeof d.q !== 'string' || !DECIMAL.test(d.q)) return undefined;
  return { id: d.t as number, price: trimDecimal(d.p), quantity: trimDecimal(d.q), time: d.T as number, buyerMaker: d.m };
}
