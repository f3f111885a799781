import type { KlineData } from '@cryptosim/contracts';
import { describe, expect, it } from 'vitest';
import { mergeTape, printFromKlines, type TapePrint } from './simulated-prints';

const kline = (openTime: number, close: string, volume: string): KlineData => ({
  symbol: 'BTCUSDT', interval: '1m', openTime, open: '100', high: '101', low: '99', close, volume, closed: false,
});

describe('simulated prints', () => {
  it('when the candle gains volume at a higher close, then one buy print of the gain at the new close', () => {
    expect(printFromKlines(kline(0, '100', '1.5'), kline(0, '100.5', '1.75'), 'SELL', 9)).toMatchObject({ price: '100.5', quantity: '0.25', side: 'BUY', time: 9, mine: false });
  });

  it('when the close falls, then a sell; when it holds, then the previous side', () => {
    expect(printFromKlines(kline(0, '100', '1'), kline(0, '99.9', '2'), 'BUY', 1)?.side).toBe('SELL');
    expect(printFromKlines(kline(0, '100', '1'), kline(0, '100', '2'), 'SELL', 1)?.side).toBe('SELL');
  });

  it('when a new minute opens, then its whole volume so far is the print', () => {
    expect(printFromKlines(kline(0, '100', '9'), kline(60_000, '100.1', '0.3'), 'BUY', 1)?.quantity).toBe('0.3');
  });

  it('when the volume did not grow, then there is no print', () => {
    expect(printFromKlines(kline(0, '100', '1'), kline(0, '101', '1'), 'BUY', 1)).toBeNull();
  });

  it('when market prints and own fills are merged, then newest first, own fill first on a tie, cut to the limit', () => {
    const p = (key: string, time: number, mine = false): TapePrint => ({ key, price: '1', quantity: '1', time, side: 'BUY', mine });
    expect(mergeTape([p('a', 1), p('b', 3)], [p('m', 3, true), p('n', 0, true)], 3).map((x) => x.key)).toEqual(['m', 'b', 'a']);
  });
});
