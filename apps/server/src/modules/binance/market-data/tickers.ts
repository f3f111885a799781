/**
 * Binance's ticker shapes from our cached 24 h ticker. cryptosim records no individual trades
 * and no quote volume: `quoteVolume` is the engine's own estimate (base volume × last price,
 * what it sizes slippage by) and so `weightedAvgPrice` is the last price; trade ids are -1 and
 * the count 0, Binance's values for a window without trades. Bid and ask are the engine
 * book's best levels (engine-book.ts).
 */
import type { PriceRow } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import { bdec } from '../binance-decimal.js';
import { engineBook, type EngineMarket } from './engine-book.js';

const DAY_MS = 86_400_000;

export function bookTop(market: EngineMarket) {
  const { bids, asks } = engineBook(market, 1);
  const [bidPrice, bidQty] = bids[0] ?? [new Dec(0), new Dec(0)];
  const [askPrice, askQty] = asks[0] ?? [new Dec(0), new Dec(0)];
  return { bidPrice: bdec(bidPrice), bidQty: bdec(bidQty), askPrice: bdec(askPrice), askQty: bdec(askQty) };
}

export function miniTicker(row: PriceRow) {
  const last = new Dec(row.price);
  const volume = new Dec(row.volume24h);
  return {
    symbol: row.symbol,
    openPrice: bdec(row.open24h),
    highPrice: bdec(row.high24h),
    lowPrice: bdec(row.low24h),
    lastPrice: bdec(last),
    volume: bdec(volume),
    quoteVolume: bdec(volume.times(last)),
    openTime: row.updatedAt - DAY_MS,
    closeTime: row.updatedAt,
    firstId: -1,
    lastId: -1,
    count: 0,
  };
}

export function fullTicker(row: PriceRow, market: EngineMarket) {
  const last = new Dec(row.price);
  const mini = miniTicker(row);
  const top = bookTop(market);
  return {
    symbol: row.symbol,
    priceChange: bdec(last.minus(row.open24h)),
    priceChangePercent: new Dec(row.changePercent24h).toFixed(3),
    weightedAvgPrice: bdec(last),
    prevClosePrice: bdec(row.open24h),
    lastPrice: mini.lastPrice,
    lastQty: bdec(new Dec(0)),
    bidPrice: top.bidPrice,
    bidQty: top.bidQty,
    askPrice: top.askPrice,
    askQty: top.askQty,
    openPrice: mini.openPrice,
    highPrice: mini.highPrice,
    lowPrice: mini.lowPrice,
    volume: mini.volume,
    quoteVolume: mini.quoteVolume,
    openTime: mini.openTime,
    closeTime: mini.closeTime,
    firstId: -1,
    lastId: -1,
    count: 0,
  };
}
