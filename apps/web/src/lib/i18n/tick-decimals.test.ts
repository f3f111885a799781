import { describe, expect, it } from 'vitest';
import { tickDecimals } from './tick-decimals';

describe('tickDecimals', () => {
  it.each([
    ['0.01000000', 2],
    ['0.00001', 5],
    ['1.00000000', 0],
    ['1', 0],
    ['1e-8', 8],
    ['5e-7', 7],
  ])('when the size is %s, then it allows %i decimals', (size, decimals) => {
    expect(tickDecimals(size)).toBe(decimals);
  });
});
