/**
 * Our own parsers of Binance's combined-stream payloads. Values are passed on verbatim
 * (Binance's strings, e.g. "71074.84000000"); anything that does not have the exact shape
 * is rejected with a reason, so a garbage frame is logged and skipped, never half-used.
 */
import type { SourceKline, SourceTick } from '../../../../ports/market/market-source.js';

export type StreamEvent = { kind: 'kline'; kline: SourceKline } | { kind: 'tick'; tick: SourceTick };

const DECIMAL = /^\d{1,20}(\.\d{1,20})?$/;
type Obj = Record<string, unknown>;

class PayloadError extends Error {
  override name = 'PayloadError';
}

function obj(value: unknown, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PayloadError(`${what} is not an object`);
  return value as Obj;
}

function dec(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || !DECIMAL.test(v)) throw new PayloadError(`field ${key} is not a decimal string`);
  return v;
}

function int(o: Obj, key: string): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new PayloadError(`field ${key} is not an integer`);
  return v;
}

function str(o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v === '') throw new PayloadError(`field ${key} is not a string`);
  return v;
}

/** `<symbol>@kline_1m` data: {e:"kline",E,s,k:{t,T,s,i,f,L,o,c,h,l,v,n,x,q,V,Q,B}}. */
export function parseKline(data: Obj): SourceKline {
  const k = obj(data.k, 'k');
  if (str(k, 'i') !== '1m') throw new PayloadError(`interval ${String(k.i)} is not 1m`);
  if (typeof k.x !== 'boolean') throw new PayloadError('field x is not a boolean');
  const symbol = str(data, 's');
  if (str(k, 's') !== symbol) throw new PayloadError('k.s differs from s');
  int(k, 'T');
  return {
    symbol,
    openTime: int(k, 't'),
    open: dec(k, 'o'),
    high: dec(k, 'h'),
    low: dec(k, 'l'),
    close: dec(k, 'c'),
    volume: dec(k, 'v'),
    closed: k.x,
    eventTime: int(data, 'E'),
  };
}

/** `<symbol>@ticker` data (24hrTicker): {e,E,s,p,P,w,x,c,Q,b,B,a,A,o,h,l,v,q,O,C,F,L,n}. */
export function parseTicker(data: Obj): SourceTick {
  return {
    symbol: str(data, 's'),
    price: dec(data, 'c'),
    open24h: dec(data, 'o'),
    high24h: dec(data, 'h'),
    low24h: dec(data, 'l'),
    volume24h: dec(data, 'v'),
    eventTime: int(data, 'E'),
  };
}

/** One combined-stream frame: {"stream":"btcusdt@kline_1m","data":{…}}. Throws on anything else. */
export function parseStreamMessage(raw: string): StreamEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new PayloadError('not JSON');
  }
  const frame = obj(parsed, 'frame');
  const data = obj(frame.data, 'data');
  switch (data.e) {
    case 'kline':
      return { kind: 'kline', kline: parseKline(data) };
    case '24hrTicker':
      return { kind: 'tick', tick: parseTicker(data) };
    default:
      throw new PayloadError(`unknown event type ${JSON.stringify(data.e)}`);
  }
}

/** A REST /api/v3/klines row: [openTime, o, h, l, c, v, closeTime, q, n, V, Q, ignore]. */
export function parseRestKline(symbol: string, row: unknown): SourceKline {
  if (!Array.isArray(row) || row.length < 7) throw new PayloadError('kline row is not an array of 7+ fields');
  const o: Obj = { t: row[0], o: row[1], h: row[2], l: row[3], c: row[4], v: row[5], T: row[6] };
  return {
    symbol,
    openTime: int(o, 't'),
    open: dec(o, 'o'),
    high: dec(o, 'h'),
    low: dec(o, 'l'),
    close: dec(o, 'c'),
    volume: dec(o, 'v'),
    closed: true,
    eventTime: int(o, 'T'),
  };
}
