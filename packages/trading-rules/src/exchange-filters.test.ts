import { describe, expect, it } from 'vitest';
import { dec } from './decimal.js';
import { checkExchangeFilters, isBelowMinNotional, isBelowMinQuantity, isOnStep, isOnTick, quantityForQuote, type SizedOrder } from './exchange-filters.js';
import { BTC, order } from './testing/fixtures.js';

const live = dec('50000');
const quoteBuy = (quoteAmount: string): SizedOrder => ({ ...order('BUY', 'MARKET', {}), quantity: null, quoteAmount: dec(quoteAmount) });
const sized = (o: ReturnType<typeof order>): SizedOrder => ({ ...o, quoteAmount: null });

describe('exchange filter predicates', () => {
  it('when a price is on or off the tick, then PRICE_FILTER says so; a tick of 0 accepts any price', () => {
    expect(isOnTick(dec('49000.01'), BTC)).toBe(true);
    expect(isOnTick(dec('49000.015'), BTC)).toBe(false);
    expect(isOnTick(dec('49000.015'), { tickSize: dec('0') })).toBe(true);
  });

  it('when a quantity is on or off the step, then LOT_SIZE says so', () => {
    expect(isOnStep(dec('0.00002'), BTC)).toBe(true);
    expect(isOnStep(dec('0.000015'), BTC)).toBe(false);
  });

  it('when the quantity is zero, then it is below the minimum even with no minimum', () => {
    expect(isBelowMinQuantity(dec('0'), { minQty: dec('0') })).toBe(true);
    expect(isBelowMinQuantity(dec('0.00001'), BTC)).toBe(false);
  });

  it('when the notional is exactly the minimum, then it passes; a unit less, it does not', () => {
    expect(isBelowMinNotional(dec('5'), BTC)).toBe(false);
    expect(isBelowMinNotional(dec('4.99999999'), BTC)).toBe(true);
  });

  it('when a quote amount is spent, then the quantity is floored to the step', () => {
    // 100 / 30000 = 0.0033333… → 0.00333
    expect(quantityForQuote(dec('100'), dec('30000'), BTC).toFixed()).toBe('0.00333');
  });
});

describe('checkExchangeFilters', () => {
  it('when a LIMIT order is on the grid, then it passes with its notional at the limit price', () => {
    expect(checkExchangeFilters(sized(order('BUY', 'LIMIT', { quantity: '0.001', price: '49000.01' })), BTC, live)).toEqual({
      ok: true,
      order: { quantity: dec('0.001'), price: dec('49000.01'), notional: dec('49.00001') },
    });
  });

  it('when a stop price is off the tick, then the breach names the stopPrice field', () => {
    const check = checkExchangeFilters(sized(order('SELL', 'STOP_LOSS', { quantity: '0.001', stopPrice: '45000.001' })), BTC, live);
    expect(check).toEqual({ ok: false, breach: { filter: 'PRICE_FILTER', field: 'stopPrice', price: dec('45000.001') } });
  });

  it('when the quote buys nothing, then LOT_SIZE says what it buys at which price', () => {
    expect(checkExchangeFilters(quoteBuy('0.1'), BTC, dec('30000'))).toEqual({
      ok: false,
      breach: { filter: 'LOT_SIZE', reason: 'quoteBuysTooLittle', quoteAmount: dec('0.1'), quantity: dec('0'), price: dec('30000') },
    });
  });

  it('when the quantity is off the step, then LOT_SIZE comes before the minimum checks', () => {
    const check = checkExchangeFilters(sized(order('BUY', 'MARKET', { quantity: '0.000015' })), BTC, live);
    expect(check).toEqual({ ok: false, breach: { filter: 'LOT_SIZE', reason: 'step', quantity: dec('0.000015') } });
  });

  it('when the value is one tick under the minimum, then MIN_NOTIONAL carries the figures', () => {
    const check = checkExchangeFilters(sized(order('BUY', 'LIMIT', { quantity: '0.0001', price: '49999.99' })), BTC, live);
    expect(check).toEqual({ ok: false, breach: { filter: 'MIN_NOTIONAL', quantity: dec('0.0001'), price: dec('49999.99'), notional: dec('4.999999') } });
  });

  it('when an order has neither quantity nor quote amount, then it is a bug and throws', () => {
    expect(() => checkExchangeFilters({ ...quoteBuy('1'), quoteAmount: null }, BTC, live)).toThrow(/quantity or quoteAmount/);
  });
});

describe('checkExchangeFilters — stop-limits', () => {
  it('when a stop-limit is on the grid, then the notional is measured at its limit price', () => {
    const check = checkExchangeFilters(sized(order('SELL', 'STOP_LOSS_LIMIT', { quantity: '0.001', stopPrice: '45000', price: '44900.5' })), BTC, live);
    expect(check).toEqual({ ok: true, order: { quantity: dec('0.001'), price: dec('44900.5'), notional: dec('44.9005') } });
  });

  it('when the stop of a stop-limit is off the tick, then the breach names stopPrice', () => {
    const check = checkExchangeFilters(sized(order('SELL', 'TAKE_PROFIT_LIMIT', { quantity: '0.001', stopPrice: '55000.001', price: '55000' })), BTC, live);
    expect(check).toEqual({ ok: false, breach: { filter: 'PRICE_FILTER', field: 'stopPrice', price: dec('55000.001') } });
  });
});
