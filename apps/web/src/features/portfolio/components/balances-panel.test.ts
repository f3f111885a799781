import { describe, expect, it } from 'vitest';
import type { LiveHoldings } from '../rules/live-holdings';
import { coinBalances } from './balances-panel';

const holding = (symbol: string, quantity: string, available: string) => ({
  symbol, quantity, available, avgPrice: '1', marketPrice: '1', marketValue: quantity, unrealizedPnl: '0', unrealizedPnlPercent: '0', realizedPnl: '0', weightPercent: '0',
});

describe('coin balances', () => {
  it('when orders hold cash and coins, then each coin shows what is free and what its open orders hold', () => {
    const live = {
      cash: '79979.5', reserved: '20020.5', totalValue: '0', totalPnl: '0', totalReturnPercent: '0', cashWeightPercent: '0',
      holdings: [holding('ETHUSDT', '2', '0.5'), holding('BTCUSDT', '0.1', '0.1')],
    } as LiveHoldings;
    expect(coinBalances(live, (s) => s.replace(/USDT$/, ''))).toEqual([
      { asset: 'USDT', available: '79979.5', inOrders: '20020.5' },
      { asset: 'ETH', symbol: 'ETHUSDT', available: '0.5', inOrders: '1.5' },
      { asset: 'BTC', symbol: 'BTCUSDT', available: '0.1', inOrders: '0' },
    ]);
  });
});
