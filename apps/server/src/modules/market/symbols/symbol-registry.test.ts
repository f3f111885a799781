import { describe, expect, it } from 'vitest';
import { parseExchangeInfo } from '../sources/binance/parse-exchange-info.js';
import { DEFAULT_SYMBOLS } from '@cryptosim/contracts';
import { BTC_INFO } from '@cryptosim/trading-rules/testing';
import { MarketSymbols } from './symbol-registry.js';

describe('symbol registry', () => {
  it('when offline, then every default symbol has the committed Binance filters, in the configured order', () => {
    const registry = new MarketSymbols([...DEFAULT_SYMBOLS]);
    expect(registry.list().map((s) => s.symbol)).toEqual([...DEFAULT_SYMBOLS]);
    expect(registry.missing()).toEqual([]);
    expect(registry.get('BTCUSDT')).toEqual(BTC_INFO);
    expect(registry.get('XRPUSDT')).toMatchObject({ tickSize: '0.0001', stepSize: '0.1' });
  });

  it('when a symbol is neither configured nor known, then get answers undefined', () => {
    const registry = new MarketSymbols(['BTCUSDT', 'PEPEUSDT']);
    expect(registry.get('ETHUSDT')).toBeUndefined();
    expect(registry.get('PEPEUSDT')).toBeUndefined();
    expect(registry.missing()).toEqual(['PEPEUSDT']);
    registry.update([{ symbol: 'PEPEUSDT', baseAsset: 'PEPE', quoteAsset: 'USDT', status: 'TRADING', tickSize: '0.00000001', stepSize: '1', minQty: '1', minNotional: '1' }]);
    expect(registry.list().map((s) => s.symbol)).toEqual(['BTCUSDT', 'PEPEUSDT']);
  });
});

describe('exchangeInfo parsing', () => {
  const symbol = (filters: object[]) => ({ symbols: [{ symbol: 'ETHUSDT', status: 'TRADING', baseAsset: 'ETH', quoteAsset: 'USDT', filters }] });
  const price = { filterType: 'PRICE_FILTER', minPrice: '0.01000000', maxPrice: '1000000.00000000', tickSize: '0.01000000' };
  const lot = { filterType: 'LOT_SIZE', minQty: '0.00010000', maxQty: '9000.00000000', stepSize: '0.00010000' };

  it('when filters use NOTIONAL or the older MIN_NOTIONAL, then both give minNotional, padded zeros removed', () => {
    expect(parseExchangeInfo(symbol([price, lot, { filterType: 'NOTIONAL', minNotional: '5.00000000' }]))[0]).toMatchObject({ tickSize: '0.01', stepSize: '0.0001', minQty: '0.0001', minNotional: '5' });
    expect(parseExchangeInfo(symbol([price, lot, { filterType: 'MIN_NOTIONAL', minNotional: '10.00000000' }]))[0]!.minNotional).toBe('10');
    expect(parseExchangeInfo(symbol([{ ...price, tickSize: '0.00000001' }, lot, { filterType: 'NOTIONAL', minNotional: '1' }]))[0]!.tickSize).toBe('0.00000001');
  });

  it('when a filter is missing or not a decimal, then it is refused with the symbol named', () => {
    expect(() => parseExchangeInfo(symbol([price, lot]))).toThrow(/ETHUSDT lacks/);
    expect(() => parseExchangeInfo(symbol([{ ...price, tickSize: 0.01 }, lot, { filterType: 'NOTIONAL', minNotional: '5' }]))).toThrow(/ETHUSDT tickSize/);
    expect(() => parseExchangeInfo({ code: -1121, msg: 'Invalid symbol.' })).toThrow(/no symbols/);
  });
});
