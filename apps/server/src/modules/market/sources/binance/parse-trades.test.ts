import { describe, expect, it } from 'vitest';
import { parseTrades } from './parse-trades.js';

const raw = (id: number, price: string, isBuyerMaker: boolean) => ({
  id, price, qty: '0.01200000', quoteQty: '805.44', time: 1_776_000_000_000 + id, isBuyerMaker, isBestMatch: true,
});

describe('parse Binance trades', () => {
  it('when Binance answers oldest first, then we answer newest first with trimmed decimals', () => {
    expect(parseTrades([raw(1, '67120.00000000', false), raw(2, '67119.99000000', true)])).toEqual([
      { id: 2, price: '67119.99', quantity: '0.012', time: 1_776_000_000_002, buyerMaker: true },
      { id: 1, price: '67120', quantity: '0.012', time: 1_776_000_000_001, buyerMaker: false },
    ]);
  });

  it('when a trade is malformed, then the whole answer is refused', () => {
    expect(() => parseTrades({})).toThrow('not an array');
    expect(() => parseTrades([{ ...raw(1, '1', true), price: 1 }])).toThrow('[0] does not hold decimal strings');
    expect(() => parseTrades([{ ...raw(1, '1', true), isBuyerMaker: 'yes' }])).toThrow('[0] has no isBuyerMaker');
    expect(() => parseTrades([{ ...raw(1, '1', true), id: '1' }])).toThrow('[0] has no integer id and time');
  });
});
