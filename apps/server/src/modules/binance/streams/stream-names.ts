/** Binance stream names this server serves: `<symbol>@ticker|@miniTicker|@bookTicker|@kline_<interval>`, symbols lowercase. */
import type { Interval } from '@cryptosim/contracts';
import { KLINE_INTERVALS } from '../market-data/klines.js';

export type StreamKind = 'ticker' | 'miniTicker' | 'bookTicker' | 'kline';

export interface StreamName {
  /** As the client wrote it (Binance's names are lowercase), e.g. `btcusdt@kline_5m`. */
  name: string;
  /** Upper case, as our symbols are. */
  symbol: string;
  kind: StreamKind;
  interval?: Interval;
}

const PATTERN = /^([a-z0-9\-_.]{1,20})@(ticker|miniTicker|bookTicker|kline_([0-9]+[a-zA-Z]))$/;

/** The parsed name, or undefined for a name we do not serve (unknown kind, interval or symbol). */
export function parseStreamName(name: string, isListed: (symbol: string) => boolean): StreamName | undefined {
  const match = PATTERN.exec(name);
  if (!match) return undefined;
  const symbol = match[1]!.toUpperCase();
  if (!isListed(symbol)) return undefined;
  if (match[3] !== undefined) {
    if (!(KLINE_INTERVALS as readonly string[]).includes(match[3])) return undefined;
    return { name, symbol, kind: 'kline', interval: match[3] as Interval };
  }
  return { name, symbol, kind: match[2] as StreamKind };
}
