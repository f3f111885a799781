import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { PerformanceQuery } from './portfolio.js';
import { OrdersQuery, PlaceOrderRequest } from './trading.js';

describe('PlaceOrderRequest', () => {
  const check = Compile(PlaceOrderRequest);

  it('when a full limit order arrives, then it is accepted', () => {
    expect(check.Check({ symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.001', price: '50000.01', clientOrderId: 'my-order_1' })).toBe(true);
  });

  it.each([
    ['an unknown field', { symbol: 'BTCUSDT', quantity: '1', leverage: '10' }],
    ['an unknown type', { symbol: 'BTCUSDT', type: 'OCO', quantity: '1' }],
    ['a numeric quantity', { symbol: 'BTCUSDT', quantity: 1 }],
    ['an exponent', { symbol: 'BTCUSDT', quantity: '1e3' }],
    ['a negative price', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '1', price: '-5' }],
    ['a 30-digit amount', { symbol: 'BTCUSDT', quantity: '123456789012345678901234567890' }],
    ['a 37-char clientOrderId', { symbol: 'BTCUSDT', quantity: '1', clientOrderId: 'a'.repeat(37) }],
    ['a clientOrderId with a space', { symbol: 'BTCUSDT', quantity: '1', clientOrderId: 'a b' }],
    ['no symbol', { quantity: '1' }],
  ])('when the body has %s, then it is refused', (_why, body) => {
    expect(check.Check(body)).toBe(false);
  });
});

describe('list queries', () => {
  it('when status or range is outside its set, then the query is refused', () => {
    expect(Compile(OrdersQuery).Check({ status: 'open', limit: 500 })).toBe(true);
    expect(Compile(OrdersQuery).Check({ status: 'pending' })).toBe(false);
    expect(Compile(OrdersQuery).Check({ limit: 501 })).toBe(false);
    expect(Compile(PerformanceQuery).Check({ range: '1w' })).toBe(true);
    expect(Compile(PerformanceQuery).Check({ range: '2w' })).toBe(false);
  });
});
