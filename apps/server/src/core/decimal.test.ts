import { describe, expect, it } from 'vitest';
import { ceilToStep, dec, floorToStep, isMultipleOf, toDecimalString } from './decimal.js';
import { bigIntProduct } from '../test-support/exact-product.js';

describe('decimal helpers', () => {
  it('when a product needs more than 20 significant digits, then it stays exact', () => {
    const [a, b] = ['123456789012345678.123456789012345678', '999999999999999999.999999999999999999'];
    expect(dec(a).times(dec(b)).toFixed()).toBe(bigIntProduct(a, b));
  });

  it.each([[1.5], ['1e5'], ['NaN'], ['Infinity'], [''], [' 1'], ['0x10']])('when parsing %j, then it is refused', (raw) => {
    expect(() => dec(raw as string)).toThrow(TypeError);
  });

  it('when formatting, then it is plain notation without trailing zeros, half-up at 18 decimals', () => {
    expect(toDecimalString(dec('0.00000000000000000001'))).toBe('0');
    expect(toDecimalString(dec('1.0000000000000000005'))).toBe('1.000000000000000001');
    expect(toDecimalString(dec('123000000000000000000'))).toBe('123000000000000000000');
    expect(toDecimalString(dec('2.50'))).toBe('2.5');
    expect(toDecimalString(dec('-0.000000000000000000001'))).toBe('0');
  });

  it('when rounding to a step, then floor and ceil land on the grid and 0 means no grid', () => {
    expect(floorToStep(dec('1.23456789'), dec('0.00001')).toFixed()).toBe('1.23456');
    expect(ceilToStep(dec('1.23456001'), dec('0.00001')).toFixed()).toBe('1.23457');
    expect(ceilToStep(dec('1.23456'), dec('0.00001')).toFixed()).toBe('1.23456');
    expect(floorToStep(dec('7.77'), dec('0')).toFixed()).toBe('7.77');
    expect(isMultipleOf(dec('0.3'), dec('0.1'))).toBe(true);
    expect(isMultipleOf(dec('0.35'), dec('0.1'))).toBe(false);
  });
});
