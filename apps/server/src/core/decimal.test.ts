import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ceilToStep, dec, floorToStep, isMultipleOf, plainDecimalString, toDecimalString } from './decimal.js';
import { bigIntProduct } from '../testing/exact-product.js';

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

  it('when a decimal string is formatted without parsing it, then the result is what parsing and formatting give', () => {
    const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: max });
    const decimalString = fc
      .tuple(fc.boolean(), fc.nat({ max: 10 ** 12 }), fc.option(digits(24), { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction || '0'}`}`);
    fc.assert(fc.property(decimalString, (value) => plainDecimalString(value) === toDecimalString(dec(value))), { numRuns: 2000 });
    for (const value of ['0.500000000000000000', '-0.000', '100', '2.50', '1.0000000000000000005']) {
      expect(plainDecimalString(value), value).toBe(toDecimalString(dec(value)));
    }
    expect(() => plainDecimalString('1e5')).toThrow(TypeError);
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
