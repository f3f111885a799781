import { describe, expect, it } from 'vitest';
import { checkExchangeRules } from './check-exchange-rules.js';
import { dec } from '@cryptosim/trading-rules';
import { BTC } from '@cryptosim/trading-rules/testing';
import { DOGE, errorOf, intent } from './testing/fixtures.js';

const live = dec('50000');

describe('checkExchangeRules', () => {
  it('when a LIMIT order is on the grid, then it passes with its notional at the limit price', () => {
    const checked = checkExchangeRules(intent('BUY', 'LIMIT', { quantity: '0.001', price: '49000.01' }), BTC, live);
    expect(checked.notional.toFixed()).toBe('49.00001');
    expect(checked.price.toFixed()).toBe('49000.01');
  });

  it('when the limit price is off the tick by a fraction, then PRICE_FILTER names the price and the tick', () => {
    const e = errorOf(() => checkExchangeRules(intent('BUY', 'LIMIT', { quantity: '0.001', price: '49000.015' }), BTC, live));
    expect(e).toMatchObject({ code: 'PRICE_FILTER', status: 400 });
    expect(e.message).toContain('49000.015');
    expect(e.message).toContain('0.01');
  });

  it('when a stop price is off the tick, then PRICE_FILTER applies to it too', () => {
    const e = errorOf(() => checkExchangeRules(intent('SELL', 'STOP_LOSS', { quantity: '0.001', stopPrice: '45000.001' }), BTC, live));
    expect(e.code).toBe('PRICE_FILTER');
    expect(e.message).toContain('stopPrice 45000.001');
  });

  it('when the quantity has more decimals than the step, then LOT_SIZE', () => {
    const e = errorOf(() => checkExchangeRules(intent('SELL', 'MARKET', { quantity: '0.000015' }), BTC, live));
    expect(e.code).toBe('LOT_SIZE');
    expect(e.message).toContain('0.000015');
    expect(e.message).toContain('0.00001');
  });

  it('when the quantity is below the minimum, then LOT_SIZE names the minimum', () => {
    const e = errorOf(() => checkExchangeRules(intent('BUY', 'MARKET', { quantity: '1' }), { ...DOGE, minQty: dec('2') }, dec('10')));
    expect(e.code).toBe('LOT_SIZE');
    expect(e.message).toContain('minimum quantity 2');
  });

  it('when the quantity is zero, then LOT_SIZE even if the symbol has no minimum', () => {
    expect(errorOf(() => checkExchangeRules(intent('BUY', 'MARKET', { quantity: '0' }), { ...BTC, minQty: dec('0') }, live)).code).toBe('LOT_SIZE');
  });

  it('when the order value is exactly the minimum notional, then it passes', () => {
    const checked = checkExchangeRules(intent('BUY', 'LIMIT', { quantity: '0.0001', price: '50000' }), BTC, live);
    expect(checked.notional.toFixed()).toBe('5');
  });

  it('when the order value is one tick below the minimum, then MIN_NOTIONAL with the numbers', () => {
    const e = errorOf(() => checkExchangeRules(intent('BUY', 'LIMIT', { quantity: '0.0001', price: '49999.99' }), BTC, live));
    expect(e.code).toBe('MIN_NOTIONAL');
    expect(e.message).toContain('4.999999');
    expect(e.message).toContain('minimum of 5 USDT');
  });

  it('when a MARKET order is checked, then the notional uses the execution price and no tick applies', () => {
    const checked = checkExchangeRules(intent('SELL', 'MARKET', { quantity: '0.0001' }), BTC, dec('50000.005'));
    expect(checked.notional.toFixed()).toBe('5.0000005');
  });

  it('when a MARKET buy is sized by quote, then it buys the floor of quote / price on the step', () => {
    const checked = checkExchangeRules(intent('BUY', 'MARKET', { quoteAmount: '100' }), BTC, dec('30000'));
    // 100 / 30000 = 0.0033333… → 0.00333
    expect(checked.quantity.toFixed()).toBe('0.00333');
    expect(checked.notional.toFixed()).toBe('99.9');
  });

  it('when the quote buys less than the minimum quantity, then LOT_SIZE explains what it buys', () => {
    const e = errorOf(() => checkExchangeRules(intent('BUY', 'MARKET', { quoteAmount: '0.9' }), DOGE, dec('1.00001')));
    expect(e.code).toBe('LOT_SIZE');
    expect(e.message).toContain('quoteAmount 0.9 USDT buys 0 DOGE');
  });

  it('when the floored quantity falls under the minimum notional, then MIN_NOTIONAL', () => {
    const e = errorOf(() => checkExchangeRules(intent('BUY', 'MARKET', { quoteAmount: '5.5' }), { ...DOGE, minNotional: dec('5') }, dec('1.2')));
    // 5.5 / 1.2 = 4.58 → 4 DOGE = 4.8 USDT
    expect(e.code).toBe('MIN_NOTIONAL');
    expect(e.message).toContain('4.8 USDT');
  });

  it('when filters are 0, then they are disabled as on Binance', () => {
    const open = { ...BTC, tickSize: dec('0'), stepSize: dec('0'), minQty: dec('0'), minNotional: dec('0') };
    const checked = checkExchangeRules(intent('BUY', 'LIMIT', { quantity: '0.123456789', price: '1.23456789' }), open, live);
    expect(checked.quantity.toFixed()).toBe('0.123456789');
  });

  it('when values are huge, then the notional is exact', () => {
    const checked = checkExchangeRules(intent('BUY', 'LIMIT', { quantity: '999999999999999999.99999', price: '999999999999999999.99' }), BTC, live);
    // The product worked out by hand (integers × 10^-7): no rounding at 80 significant digits.
    expect(checked.notional.toFixed()).toBe('999999999999999999989990000000000000.0000001');
  });
});
