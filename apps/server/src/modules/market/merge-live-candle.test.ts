import { describe, expect, it } from 'vitest';
import type { Candle, KlineData } from '@cryptosim/contracts';
import { mergeLiveCandle } from './merge-live-candle.js';

const M = 60_000;
const candle = (minute: number, close = '10'): Candle => ({ openTime: minute * M, open: '10', high: '12', low: '8', close, volume: '1' });
const live = (minute: number, closed = false): KlineData => ({
  symbol: 'BTCUSDT', interval: '1m', openTime: minute * M, open: '11', high: '20', low: '5', close: '15', volume: '0.5', closed,
});

describe('mergeLiveCandle', () => {
  it('when the page is the latest and full, then the live minute is appended and the oldest drops out', () => {
    const merged = mergeLiveCandle([candle(1), candle(2)], live(3), '1m', { limit: 2 });
    expect(merged.map((c) => c.openTime / M)).toEqual([2, 3]);
  });

  it('when the page starts at startTime and is full, then the live minute (beyond it) is not added', () => {
    const merged = mergeLiveCandle([candle(1), candle(2)], live(3), '1m', { limit: 2, startTime: M });
    expect(merged.map((c) => c.openTime / M)).toEqual([1, 2]);
  });

  it('when the live minute is closed, then the stored candles are returned as they are (it is stored already)', () => {
    const stored = [candle(1)];
    expect(mergeLiveCandle(stored, live(2, true), '1m', { limit: 10 })).toBe(stored);
  });

  it('when the live minute is after endTime, then it is left out', () => {
    expect(mergeLiveCandle([candle(1)], live(5), '1m', { limit: 10, endTime: 4 * M })).toEqual([candle(1)]);
  });

  it('when the current 5m bucket has closed minutes, then the live one extends its high, low, close and volume', () => {
    const merged = mergeLiveCandle([candle(0), { ...candle(5), volume: '1.25' }], live(7), '5m', { limit: 10 });
    expect(merged.at(-1)).toEqual({ openTime: 5 * M, open: '10', high: '20', low: '5', close: '15', volume: '1.75' });
  });

  it('when the current bucket has no closed minute yet, then the live minute opens it at the bucket start', () => {
    const merged = mergeLiveCandle([candle(0)], live(7), '5m', { limit: 10 });
    expect(merged.at(-1)).toEqual({ openTime: 5 * M, open: '11', high: '20', low: '5', close: '15', volume: '0.5' });
  });
});
