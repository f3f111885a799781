import { describe, expect, it } from 'vitest';
import { addDecimals, subtractDecimals } from './add-decimals';

describe('decimal string arithmetic', () => {
  it('when decimals that floats cannot hold are added, then the sum is exact', () => {
    expect(addDecimals('0.1', '0.2')).toBe('0.3');
    expect(addDecimals('12.5', '0.25')).toBe('12.75');
    expect(addDecimals('999999999999999999.999999999999999999', '0.000000000000000001')).toBe('1000000000000000000');
    expect(addDecimals('3', '4')).toBe('7');
  });

  it('when a larger value is subtracted, then the difference carries its sign and trailing zeros go', () => {
    expect(subtractDecimals('1.50', '0.25')).toBe('1.25');
    expect(subtractDecimals('0.25', '1.5')).toBe('-1.25');
    expect(subtractDecimals('2.5', '2.5')).toBe('0');
  });
});
