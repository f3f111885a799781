import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { DecimalString, SignedDecimalString } from './decimal.js';

describe('DecimalString', () => {
  const check = Compile(DecimalString());
  it.each(['0', '1', '64123.45', '0.00000001', '123456789012345678.123456789012345678'])('when %s, then it is accepted', (v) => {
    expect(check.Check(v)).toBe(true);
  });
  it.each(['', '-1', '1e5', '01', '1.', '.5', 'NaN', 'Infinity', ' 1', '1,5', '1234567890123456789', '0.1234567890123456789'])(
    'when %j, then it is refused',
    (v) => {
      expect(check.Check(v)).toBe(false);
    },
  );
  it('when a number instead of a string, then it is refused', () => {
    expect(check.Check(1.5)).toBe(false);
  });
});

describe('SignedDecimalString', () => {
  const check = Compile(SignedDecimalString());
  it('when negative, then it is accepted; when "-" alone or "+1", then refused', () => {
    expect(check.Check('-12.5')).toBe(true);
    expect(check.Check('-')).toBe(false);
    expect(check.Check('+1')).toBe(false);
  });
});
