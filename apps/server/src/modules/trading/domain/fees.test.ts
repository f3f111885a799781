import { describe, expect, it } from 'vitest';
import { dec } from '../../../core/decimal.js';
import { checkFeeRates, DEFAULT_FEE_RATES, feeFor, feeRate, maxFeeRate } from './fees.js';
import { errorOf } from './testing/fixtures.js';

describe('fees', () => {
  it('when 1 000 USDT trades at the default 0.1 %, then the fee is exactly 1 USDT', () => {
    expect(feeFor(dec('1000'), DEFAULT_FEE_RATES.taker).toFixed()).toBe('1');
  });

  it('when the fee has more than 8 decimals, then it is rounded up to 8', () => {
    expect(feeFor(dec('0.123456789'), dec('0.001')).toFixed()).toBe('0.00012346');
    expect(feeFor(dec('0.000000001'), dec('0.001')).toFixed()).toBe('0.00000001');
  });

  it('when the notional or the rate is zero, then there is no fee', () => {
    expect(feeFor(dec('0'), dec('0.001')).toFixed()).toBe('0');
    expect(feeFor(dec('1000'), dec('0')).toFixed()).toBe('0');
  });

  it('when the notional is huge, then the fee stays exact', () => {
    expect(feeFor(dec('999999999999999999.99'), dec('0.00075')).toFixed()).toBe('749999999999999.9999925');
  });

  it('when maker and taker differ, then each side pays its own and a reservation assumes the larger', () => {
    const rates = { maker: dec('0.0002'), taker: dec('0.0007') };
    expect(feeRate('maker', rates).toFixed()).toBe('0.0002');
    expect(feeRate('taker', rates).toFixed()).toBe('0.0007');
    expect(maxFeeRate(rates).toFixed()).toBe('0.0007');
  });

  it('when a rate is negative or 100 %, then the config is refused', () => {
    expect(errorOf(() => checkFeeRates({ maker: dec('-0.001'), taker: dec('0.001') })).message).toMatch(/maker fee rate/);
    expect(errorOf(() => checkFeeRates({ maker: dec('0'), taker: dec('1') })).message).toMatch(/taker fee rate/);
  });
});
