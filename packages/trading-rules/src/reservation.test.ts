import { describe, expect, it } from 'vitest';
import { dec } from './decimal.js';
import { DEFAULT_FEE_RATES } from './fees.js';
import { reservationFor, restingBuyPrice, type ReservationTerms } from './reservation.js';
import { BTC, order } from './testing/fixtures.js';

const DEFAULT_TERMS: ReservationTerms = { fees: DEFAULT_FEE_RATES, slippage: { cap: dec('0.05') } };

describe('reservationFor', () => {
  it('when a LIMIT buy rests, then it holds price × quantity plus the larger fee', () => {
    const terms = { fees: { maker: dec('0.0002'), taker: dec('0.0007') }, slippage: { cap: dec('0.05') } };
    const r = reservationFor(order('BUY', 'LIMIT', { price: '50000', quantity: '0.1' }), BTC, terms);
    expect(r).toEqual({ asset: 'QUOTE', amount: dec('5003.5') });
  });

  it('when a buy stop rests, then it holds the stop moved by the slippage cap, up to the tick, plus fee', () => {
    // 33333.33 × 1.05 = 34999.9965 → 35000.00; 0.3 × 35000 = 10500; fee 10.5
    const r = reservationFor(order('BUY', 'STOP_LOSS', { stopPrice: '33333.33', quantity: '0.3' }), BTC, DEFAULT_TERMS);
    expect(r.amount.toFixed()).toBe('10510.5');
  });

  it('when any sell rests, then it holds the coins and no cash', () => {
    const o = order('SELL', 'TAKE_PROFIT', { stopPrice: '70000', quantity: '0.25' });
    expect(reservationFor(o, BTC, DEFAULT_TERMS)).toEqual({ asset: 'BASE', amount: dec('0.25') });
  });

  it('when asked for a MARKET order, then it refuses: market orders never rest', () => {
    expect(() => reservationFor(order('BUY', 'MARKET', { quantity: '1' }), BTC, DEFAULT_TERMS)).toThrow(/does not rest/);
  });
});

describe('restingBuyPrice', () => {
  it('when a limit buy rests, then its worst price is its own', () => {
    expect(restingBuyPrice('LIMIT', dec('40000.123'), dec('0.01'), dec('0.05')).toFixed()).toBe('40000.123');
  });

  it('when a take-profit buy rests, then its trigger moves up by the cap to the next tick', () => {
    // 40000.01 × 1.05 = 42000.0105 → 42000.02
    expect(restingBuyPrice('TAKE_PROFIT', dec('40000.01'), dec('0.01'), dec('0.05')).toFixed()).toBe('42000.02');
  });

  it('when the tick is 0, then the moved trigger is not rounded to a grid, only to the 18 stored decimals', () => {
    expect(restingBuyPrice('STOP_LOSS', dec('33333.33'), dec('0'), dec('0.05')).toFixed()).toBe('34999.9965');
    expect(restingBuyPrice('STOP_LOSS', dec('0.000000000000000001'), dec('0'), dec('0.5')).toFixed()).toBe('0.000000000000000002');
  });
});

describe('reservations of the limit-priced types', () => {
  it.each(['LIMIT_MAKER', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'] as const)('when a %s buy rests, then it holds its limit price × quantity plus fee, whatever its stop', (type) => {
    const r = reservationFor(order('BUY', type, { price: '40000', stopPrice: '39000', quantity: '0.1' }), BTC, DEFAULT_TERMS);
    expect(r).toEqual({ asset: 'QUOTE', amount: dec('4004') });
  });
});
