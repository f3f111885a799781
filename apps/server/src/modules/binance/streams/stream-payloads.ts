/**
 * Our price frames in Binance's stream payloads (its "Web Socket Streams" page): 24hrTicker,
 * 24hrMiniTicker, bookTicker and kline, with the same field letters. As in the REST tickers,
 * quote volumes are the engine's estimates and trade ids/counts are -1/0 (no trades recorded).
 * The full ticker is the REST ticker's figures under the stream's letters, so both faces agree.
 */
import type { Candle, Interval, PriceRow } from '@cryptosim/contracts';
import { bdec } from '../binance-decimal.js';
import type { EngineMarket } from '../market-data/engine-book.js';
import { quoteVolumeOf } from '../market-data/klines.js';
import { bookTop, fullTicker, miniTicker } from '../market-data/tickers.js';

export function tickerPayload(row: PriceRow, market: EngineMarket, now: number) {
  const t = fullTicker(row, market);
  return {
    e: '24hrTicker',
    E: now,
    s: t.symbol,
    p: t.priceChange,
    P: t.priceChangePercent,
    w: t.weightedAvgPrice,
    x: t.prevClosePrice,
    c: t.lastPrice,
    Q: t.lastQty,
    b: t.bidPrice,
    B: t.bidQty,
    a: t.askPrice,
    A: t.askQty,
    o: t.openPrice,
    h: t.highPrice,
    l: t.lowPrice,
    v: t.volume,
    q: t.quoteVolume,
    O: t.openTime,
    C: t.closeTime,
    F: t.firstId,
    L: t.lastId,
    n: t.count,
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
