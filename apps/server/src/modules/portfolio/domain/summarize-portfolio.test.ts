import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import { cash, position } from '../../trading/domain/testing/fixtures.js';
import { summarizePortfolio, toPortfolioResponse } from './summarize-portfolio.js';
import { valuePosition } from './value-position.js';

describe('valuePosition', () => {
  it('when the price rose above the average, then value, unrealized P&L and its percent follow', () => {
    const v = valuePosition('BTCUSDT', position('0.5', '40000', '0.2', '12.5'), dec('45000'));
    expect(v.marketValue.toFixed()).toBe('22500');
    expect(v.unrealizedPnl.toFixed()).toBe('2500');
    expect(v.unrealizedPnlPercent.toFixed()).toBe('12.5');
    expect(v.available.toFixed()).toBe('0.3');
  });

  it('when the percent does not terminate, then it is rounded half-up to 4 decimals', () => {
    expect(valuePosition('X', position('1', '3'), dec('2')).unrealizedPnlPercent.toFixed()).toBe('-33.3333');
  });

  it('when the average price is 0, then the percent is 0 rather than a division by zero', () => {
    expect(valuePosition('X', position('1', '0'), dec('2')).unrealizedPnlPercent.toFixed()).toBe('0');
  });
});

describe('summarizePortfolio', () => {
  it('when cash is partly reserved and coins are held, then the totals add up as docs/API.md says', () => {
    const summary = summarizePortfolio(cash('60000', '5000'), dec('100000'), [
      { symbol: 'ETHUSDT', position: position('2', '2000'), marketPrice: dec('2500') },
      { symbol: 'BTCUSDT', position: position('0.5', '40000'), marketPrice: dec('45000') },
      { symbol: 'DOGEUSDT', position: position('0', '0', '0', '-3'), marketPrice: dec('0.1') },
    ]);
    const view = toPortfolioResponse(summary);
    expect(view).toMatchObject({ cash: '55000', reserved: '5000', totalValue: '87500', initialBalance: '100000', totalPnl: '-12500', totalReturnPercent: '-12.5' });
    expect(view.positions.map((p) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT']);
    expect(view.positions[1]).toEqual({
      symbol: 'ETHUSDT',
      quantity: '2',
      available: '2',
      avgPrice: '2000',
      marketPrice: '2500',
      marketValue: '5000',
      unrealizedPnl: '1000',
      unrealizedPnlPercent: '25',
      realizedPnl: '0',
    });
  });

  it('when nothing was traded, then the total is the initial balance and the return 0', () => {
    expect(toPortfolioResponse(summarizePortfolio(cash('100000'), dec('100000'), []))).toMatchObject({ totalValue: '100000', totalPnl: '0', totalReturnPercent: '0', positions: [] });
  });
});
