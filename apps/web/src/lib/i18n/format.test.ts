import { describe, expect, it } from 'vitest';
import { createFormatter } from './format';

describe('locale formatting', () => {
  it('when money has more digits than a double holds, then the string is formatted exactly', () => {
    const en = createFormatter('en');
    // As a float this would be 12345678901234567000.
    expect(en.quantity('12345678901234567.12345678')).toBe('12,345,678,901,234,567.12345678');
    expect(en.money('100000')).toBe('100,000.00 USDT');
  });

  it('when P&L and changes are shown, then they carry an explicit sign except at zero', () => {
    const en = createFormatter('en');
    expect(en.signedMoney('1234.5')).toBe('+1,234.50 USDT');
    expect(en.signedMoney('-3.1')).toBe('-3.10 USDT');
    expect(en.percent('2.5')).toBe('+2.50%');
    expect(en.percent('0')).toBe('0.00%');
  });

  it('when prices differ in magnitude, then small ones keep the digits that matter', () => {
    const en = createFormatter('en');
    expect(en.price('64123.456')).toBe('64,123.46');
    expect(en.price('0.0812345')).toBe('0.081235');
    expect(en.price('0.00001234')).toBe('0.00001234');
  });

  it('when the language is Korean, then compact volumes use Korean units', () => {
    expect(createFormatter('ko').compact('123456789')).toBe('1.23억');
    expect(createFormatter('en').compact('123456789')).toBe('123.46M');
  });

  it('when fees and totals are shown, then all 8 exchange decimals survive and rates stay unsigned', () => {
    const en = createFormatter('en');
    expect(en.preciseMoney('78.95071535')).toBe('78.95071535 USDT');
    expect(en.preciseMoney('5')).toBe('5.00 USDT');
    expect(en.percentPlain('0.1')).toBe('0.1%');
    expect(createFormatter('ko').preciseMoney('1234.5')).toBe('1,234.50 USDT');
  });

  it("when a symbol's tick and step sizes are given, then prices and sizes keep exactly their decimals", () => {
    const en = createFormatter('en');
    expect(en.price('0.10459', '0.00001000')).toBe('0.10459');
    expect(en.price('0.33', '0.0001')).toBe('0.3300');
    expect(en.price('1.43', '0.0001')).toBe('1.4300');
    expect(en.price('64123.4', '0.01')).toBe('64,123.40');
    expect(en.quantity('0.5', '0.001')).toBe('0.500');
    expect(en.quantity('12', '1.00000000')).toBe('12');
  });
});
