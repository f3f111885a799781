import { DEFAULT_SYMBOLS } from '@cryptosim/contracts';
import { describe, expect, it } from 'vitest';
import { matchesMarket, searchMarkets } from './match-market';

const all = [...DEFAULT_SYMBOLS];

describe('market search', () => {
  it('when the query is part of a Korean name, then that coin is found ("비트" → BTC, "이더" → ETH)', () => {
    expect(searchMarkets(all, '비트')).toEqual(['BTCUSDT']);
    expect(searchMarkets(all, '이더')).toEqual(['ETHUSDT']);
    expect(searchMarkets(all, '솔라나')).toEqual(['SOLUSDT']);
    expect(searchMarkets(all, '코인')).toEqual(['BTCUSDT', 'BNBUSDT', 'DOGEUSDT']);
  });

  it('when the query is an English name in any case or spacing, then that coin is found', () => {
    expect(searchMarkets(all, 'bitcoin')).toEqual(['BTCUSDT']);
    expect(searchMarkets(all, 'BitCoin ')).toEqual(['BTCUSDT']);
    expect(searchMarkets(all, 'chain link')).toEqual(['LINKUSDT']);
    expect(searchMarkets(all, 'cardano')).toEqual(['ADAUSDT']);
  });

  it('when the query is a symbol or its coin, then it is found; the quote asset alone finds every pair', () => {
    expect(searchMarkets(all, 'eth')).toEqual(['ETHUSDT']);
    expect(searchMarkets(all, 'dogeusdt')).toEqual(['DOGEUSDT']);
    expect(searchMarkets(all, 'usdt')).toEqual(all);
  });

  it('when nothing matches, then nothing is found; a blank query finds everything', () => {
    expect(searchMarkets(all, 'zzz')).toEqual([]);
    expect(searchMarkets(all, '도지코인x')).toEqual([]);
    expect(searchMarkets(all, '  ')).toEqual(all);
  });

  it('when a symbol has no known name, then it is still found by symbol', () => {
    expect(matchesMarket('PEPEUSDT', 'pepe')).toBe(true);
    expect(matchesMarket('PEPEUSDT', '비트')).toBe(false);
  });

  it('when some results are starred, then they come first, each group in the given order', () => {
    expect(searchMarkets(all, 'coin', new Set(['DOGEUSDT']))).toEqual(['DOGEUSDT', 'BTCUSDT']);
    expect(searchMarkets(all, '', new Set(['LINKUSDT', 'ETHUSDT'])).slice(0, 3)).toEqual(['ETHUSDT', 'LINKUSDT', 'BTCUSDT']);
  });
});
