/**
 * Our price frames in Binance's stream payloads (its "Web Socket Streams" page): 24hrTicker,
 * 24hrMiniTicker, bookTicker and kline, with the same field letters. As in the REST tickers,
 * quote volumes are the engine's estimates and trade ids/counts are -1/0 (no trades recorded).
 */
import type { Candle, Interval, PriceRow } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import { bdec } from '../binance-decimal.js';
import type { EngineMarket } from '../market-data/engine-book.js';
import { quoteVolumeOf } from '../market-data/klines.js';
import { bookTop, miniTicker } from '../market-data/tickers.js';

export function tickerPayload(row: PriceRow, market: EngineMarket, now: number) {
  const last = new Dec(row.price);
  const mini = miniTicker(row);
  const top = bookTop(market);
  return {
    e: '24hrTicker',
    E: now,
    s: row.symbol,
    p: bdec(last.minus(row.open24h)),
    P: new Dec(row.changePercent24h).toFixed(2),
    w: bdec(last),
    x: bdec(row.open24h),
    c: mini.lastPrice,
    Q: bdec(new Dec(0)),
    b: top.bidPrice,
    B: top.bidQty,
    a: top.askPrice,
    A: top.askQty,
    o: mini.openPrice,
    h: mini.highPrice,
    l: mini.lowPrice,
    v: mini.volume,
    q: mini.quoteVolume,
    O: mini.openTime,
    C: mini.closeTime,
    F: -1,
    L: -1,
    n: 0,
  };
}

export function miniTickerPayload(row: PriceRow, now: number) {
  const mini = miniTicker(row);
  return { e: '24hrMiniTicker', E: now, s: row.symbol, c: mini.lastPrice, o: mini.openPrice, h: mini.highPrice, l: mini.lowPrice, v: mini.volume, q: mini.quoteVolume };
}

export function bookTickerPayload(row: PriceRow, market: EngineMarket) {
  const top = bookTop(market);
  return { u: row.updatedAt, s: row.symbol, b: top.bidPrice, B: top.bidQty, a: top.askPrice, A: top.askQty };
}

export function klinePayload(symbol: string, interval: Interval, intervalMs: number, candle: Candle, closed: boolean, now: number) {
  return {
    e: 'kline',
    E: now,
    s: symbol,
    k: {
      t: candle.openTime,
      T: candle.openTime + intervalMs - 1,
      s: symbol,
      i: interval,
      f: -1,
      L: -1,
      o: bdec(candle.open),
      c: bdec(candle.close),
      h: bdec(candle.high),
      l: bdec(candle.low),
      v: bdec(candle.volume),
      n: 0,
      x: closed,
      q: bdec(quoteVolumeOf(candle)),
      V: bdec('0'),
      Q: bdec('0'),
      B: '0',
    },
  };
}
