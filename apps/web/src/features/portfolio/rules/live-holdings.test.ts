import { describe, expect, it } from 'vitest';
import type { Portfolio } from '@cryptosim/contracts';
import { liveHoldings } from './live-holdings';

const portfolio: Portfolio = {
  cash: '50000', reserved: '1000', totalValue: '101000', initialBalance: '100000', totalPnl: '1000', totalReturnPercent: '1',
  positions: [{
    symbol: 'BTCUSDT', quantity: '0.5', available: '0.5', avgPrice: '90000', marketPrice: '100000', marketValue: '50000',
    unrealizedPnl: '5000', unrealizedPnlPercent: '11.1111', realizedPnl: '-12.5',
  }],
};

describe('live holdings', () => {
  it('when a live price arrives, then value, P&L, return and weights are recomputed from it exactly', () => {
    const live = liveHoldings(portfolio, new Map([['BTCUSDT', '98000.1']]));
    const [btc] = live.holdings;
    expect(btc).toMatchObject({ marketPrice: '98000.1', marketValue: '49000.05', unrealizedPnl: '4000.05', unrealizedPnlPercent: '8.889', realizedPnl: '-12.5' });
    expect(live.totalValue, '50000 + 1000 + 49000.05').toBe('100000.05');
    expect(live.totalPnl).toBe('0.05');
    expect(live.totalReturnPercent).toBe('0.0001');
    expect(btc!.weightPercent).toBe('49');
    expect(live.cashWeightPercent).toBe('51');
  });

  it('when no live price is known for a symbol, then the server valuation is kept', () => {
    expect(liveHoldings(portfolio, new Map()).holdings[0]!.marketValue).toBe('50000');
  });
});
