import type { PriceRow } from '@cryptosim/contracts';
import { describe, expect, it } from 'vitest';
import { nextSort, sortMarkets } from './sort-markets';

const row = (symbol: string, price: string, change: string, volume: string): PriceRow => ({
  symbol, price, open24h: price, high24h: price, low24h: price, volume24h: volume, changePercent24h: change, updatedAt: 1, stale: false,
});
const rows = [
  row('ETHUSDT', '3000.5', '-2.25', '900'),
  row('BTCUSDT', '64000', '1.5', '12.5'),
  row('DOGEUSDT', '0.15', '1.5', '100000000'),
  row('SOLUSDT', '150', '10', '900'),
];
const symbols = (sorted: PriceRow[]) => sorted.map((r) => r.symbol);

describe('market sort', () => {
  it('when sorted by symbol, then alphabetically, either way', () => {
    expect(symbols(sortMarkets(rows, { key: 'symbol', direction: 'asc' }))).toEqual(['BTCUSDT', 'DOGEUSDT', 'ETHUSDT', 'SOLUSDT']);
    expect(symbols(sortMarkets(rows, { key: 'symbol', direction: 'desc' }))).toEqual(['SOLUSDT', 'ETHUSDT', 'DOGEUSDT', 'BTCUSDT']);
  });

  it('when sorted by price, then by value, not by text ("64000" above "3000.5" above "150")', () => {
    expect(symbols(sortMarkets(rows, { key: 'price', direction: 'desc' }))).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'DOGEUSDT']);
    expect(symbols(sortMarkets(rows, { key: 'price', direction: 'asc' }))).toEqual(['DOGEUSDT', 'SOLUSDT', 'ETHUSDT', 'BTCUSDT']);
  });

  it('when sorted by 24h change, then negatives are lowest and ties keep the server order', () => {
    expect(symbols(sortMarkets(rows, { key: 'change', direction: 'desc' }))).toEqual(['SOLUSDT', 'BTCUSDT', 'DOGEUSDT', 'ETHUSDT']);
    expect(symbols(sortMarkets(rows, { key: 'change', direction: 'asc' }))).toEqual(['ETHUSDT', 'BTCUSDT', 'DOGEUSDT', 'SOLUSDT']);
  });

  it('when sorted by volume, then by value with ties in server order; no sort keeps the server order', () => {
    expect(symbols(sortMarkets(rows, { key: 'volume', direction: 'desc' }))).toEqual(['DOGEUSDT', 'ETHUSDT', 'SOLUSDT', 'BTCUSDT']);
    expect(symbols(sortMarkets(rows, null))).toEqual(['ETHUSDT', 'BTCUSDT', 'DOGEUSDT', 'SOLUSDT']);
    expect(sortMarkets(rows, null)).not.toBe(rows);
  });

  it('when a header is clicked, then a new column starts ascending for symbols and descending for numbers, and the same column flips', () => {
    expect(nextSort(null, 'symbol')).toEqual({ key: 'symbol', direction: 'asc' });
    expect(nextSort(null, 'volume')).toEqual({ key: 'volume', direction: 'desc' });
    expect(nextSort({ key: 'volume', direction: 'desc' }, 'volume')).toEqual({ key: 'volume', direction: 'asc' });
    expect(nextSort({ key: 'volume', direction: 'asc' }, 'price')).toEqual({ key: 'price', direction: 'desc' });
  });
});
