import { describe, expect, it } from 'vitest';
import { tickerStats } from './ticker-stats';

describe('ticker stats', () => {
  it('when the price fell over 24 h, then the change is negative and exact in decimals', () => {
    expect(tickerStats({ price: '0.3', open24h: '0.31', volume24h: '1000' })).toEqual({ change: '-0.01', quoteVolume: '300.00' });
  });

  it('when the price rose, then the change is positive and the quote volume is base volume × price', () => {
    expect(tickerStats({ price: '64000.5', open24h: '63000', volume24h: '12000.5' })).toEqual({ change: '1000.5', quoteVolume: '768038000.25' });
  });
});
