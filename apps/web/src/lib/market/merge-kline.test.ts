import { describe, expect, it } from 'vitest';
import type { Candle, KlineData } from '@cryptosim/contracts';
import { mergeKline } from './merge-kline';

const MIN = 60_000;
const candle = (openTime: number, o: string, h: string, l: string, c: string, v: string): Candle => ({ openTime, open: o, high: h, low: l, close: c, volume: v });
const kline = (openTime: number, o: string, h: string, l: string, c: string, v: string): KlineData => ({
  symbol: 'BTCUSDT', interval: '1m', openTime, open: o, high: h, low: l, close: c, volume: v, closed: false,
});

describe('merging a live 1m kline into candles', () => {
  it('when the minute is the last 1m candle, then that candle is replaced by the kline', () => {
    const candles = [candle(0, '10', '11', '9', '10', '1'), candle(MIN, '10', '10', '10', '10', '0.5')];
    const merged = mergeKline(candles, '1m', { kline: kline(MIN, '10', '12', '10', '12', '0.7'), volumeDelta: '0.2' });
    expect(merged).toHaveLength(2);
    expect(merged[1]).toEqual(candle(MIN, '10', '12', '10', '12', '0.7'));
  });

  it('when the minute falls inside the last 5m candle, then high widens, close follows and volume grows by the delta', () => {
    const candles = [candle(5 * MIN, '100', '105', '99', '104', '2.5')];
    const merged = mergeKline(candles, '5m', { kline: kline(7 * MIN, '104', '108', '103', '107', '0.4'), volumeDelta: '0.1' });
    expect(merged).toEqual([candle(5 * MIN, '100', '108', '99', '107', '2.6')]);
  });

  it('when the minute starts a new bucket, then a candle is appended and the oldest dropped at the limit', () => {
    const candles = [candle(0, '1', '1', '1', '1', '1'), candle(5 * MIN, '2', '2', '2', '2', '2')];
    const merged = mergeKline(candles, '5m', { kline: kline(10 * MIN, '3', '4', '3', '4', '0.3'), volumeDelta: '0.3' }, 2);
    expect(merged.map((c) => c.openTime)).toEqual([5 * MIN, 10 * MIN]);
    expect(merged[1]).toEqual(candle(10 * MIN, '3', '4', '3', '4', '0.3'));
  });

  it('when the kline is older than the last candle, then the candles are left alone', () => {
    const candles = [candle(10 * MIN, '1', '1', '1', '1', '1')];
    expect(mergeKline(candles, '5m', { kline: kline(2 * MIN, '9', '9', '9', '9', '9'), volumeDelta: '9' })).toBe(candles);
  });
});
