import { describe, expect, it } from 'vitest';
import { signColour } from './sign-colour';

describe('signColour', () => {
  it.each([
    ['-0.0003', undefined],
    ['0.004', undefined],
    ['0', undefined],
    ['-0.31', 'down.main'],
    ['0.69', 'up.main'],
    ['-0.005', 'down.main'],
  ])('when the figure is %s, then it is coloured %s', (value, colour) => {
    expect(signColour(value)).toBe(colour);
  });
});
