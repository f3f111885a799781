import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '@cryptosim/trading-rules';
import { checkSlippageModel, DEFAULT_SLIPPAGE, NO_SLIPPAGE, slippageFraction, takerFillPrice } from './slippage.js';
import { errorOf } from './testing/fixtures.js';

const model = { k: dec('0.1'), cap: dec('0.05') };
const tick = dec('0.01');

describe('slippageFraction', () => {
  it('when the order is 1 % of recent volume, then it slips k × √0.01 = 1 %', () => {
    expect(slippageFraction(dec('10000'), dec('1000000'), model).toFixed()).toBe('0.01');
  });

  it('when the order grows fourfold, then the slip only doubles (square root)', () => {
    expect(slippageFraction(dec('40000'), dec('1000000'), model).toFixed()).toBe('0.02');
  });

  it('when the impact would exceed the cap, then the cap applies', () => {
    expect(slippageFraction(dec('1000000'), dec('1000000'), model).toFixed()).toBe('0.05');
  });

  it('when there is no recent volume, then the order counts as infinitely large: the cap', () => {
    expect(slippageFraction(dec('1'), dec('0'), model).toFixed()).toBe('0.05');
  });

  it('when k is 0, then nothing slips whatever the size', () => {
    expect(slippageFraction(dec('1000000'), dec('0'), { k: dec('0'), cap: dec('0.05') }).toFixed()).toBe('0');
  });

  it('when the defaults meet a large BTC order on a deep market, then the slip is tiny', () => {
    const slip = slippageFraction(dec('100000'), dec('20000000000'), DEFAULT_SLIPPAGE);
    expect(slip.times(100).toDecimalPlaces(6).toFixed()).toBe('0.006708');
  });

  it('when the ratio has no exact root, then the slip agrees with an 80-digit root to 30 significant digits', () => {
    const model = { k: dec('1'), cap: dec('0.999') };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 10 ** 6, max: 10 ** 12 }), (whole, cents, volume) => {
        const notional = dec(`${whole}.${String(cents).padStart(6, '0')}`);
        const exact = notional.div(dec(String(volume))).sqrt();
        const slip = slippageFraction(notional, dec(String(volume)), model);
        if (exact.gte(model.cap)) return slip.eq(model.cap);
        return slip.minus(exact).abs().div(exact).lt('1e-30');
      }),
      { numRuns: 500 },
    );
  });

  it('when the model is negative or caps at 100 %, then it is refused', () => {
    expect(errorOf(() => checkSlippageModel({ k: dec('-1'), cap: dec('0') })).code).toBe('VALIDATION_FAILED');
    expect(errorOf(() => checkSlippageModel({ k: dec('0'), cap: dec('1') })).code).toBe('VALIDATION_FAILED');
  });
});

describe('takerFillPrice', () => {
  it('when a buy slips 1 % from 100.00, then it fills at 101.00; a sell at 99.00', () => {
    expect(takerFillPrice('BUY', dec('100'), dec('10000'), dec('1000000'), tick, model).toFixed()).toBe('101');
    expect(takerFillPrice('SELL', dec('100'), dec('10000'), dec('1000000'), tick, model).toFixed()).toBe('99');
  });

  it('when the moved price falls between ticks, then it rounds against the taker', () => {
    // 1 % of 123.45 = 1.2345: a buy pays 124.6845 → 124.69, a sell gets 122.2155 → 122.21
    expect(takerFillPrice('BUY', dec('123.45'), dec('10000'), dec('1000000'), tick, model).toFixed()).toBe('124.69');
    expect(takerFillPrice('SELL', dec('123.45'), dec('10000'), dec('1000000'), tick, model).toFixed()).toBe('122.21');
  });

  it('when slippage is off, then the live price is the fill price', () => {
    expect(takerFillPrice('BUY', dec('64123.45'), dec('1000000000'), dec('1'), tick, NO_SLIPPAGE).toFixed()).toBe('64123.45');
  });

  it('when a sell of a one-tick coin would round to zero, then it still fills at one tick', () => {
    expect(takerFillPrice('SELL', dec('0.01'), dec('1'), dec('0'), tick, model).toFixed()).toBe('0.01');
  });
});
