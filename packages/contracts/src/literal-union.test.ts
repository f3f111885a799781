import Type from 'typebox';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { LiteralUnion } from './literal-union.js';
import { OrderSideSchema } from './trading.js';

describe('LiteralUnion', () => {
  it('when built from a tuple, then the schema is the union of its literals, as written by hand', () => {
    expect(LiteralUnion(['BUY', 'SELL'], { description: 'side' })).toEqual(
      Type.Union([Type.Literal('BUY'), Type.Literal('SELL')], { description: 'side' }),
    );
  });

  it('when a value is checked, then only the listed names pass', () => {
    expect(Value.Check(OrderSideSchema, 'SELL')).toBe(true);
    expect(Value.Check(OrderSideSchema, 'HOLD')).toBe(false);
  });
});
