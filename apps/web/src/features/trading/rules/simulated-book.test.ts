import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { simulatedBook } from './simulated-book';

const input = { symbol: 'BTCUSDT', price: '64123.45', tickSize: '0.01', stepSize: '0.00001', volume24h: '17280' };

describe('simulated order book', () => {
  it('when built twice from the same inputs, then it is the same book', () => {
    expect(simulatedBook(input)).toEqual(simulatedBook(input));
  });

  it('when built, then bids sit below and asks above the price, on whole ticks, sizes on whole steps', () => {
    const { bids, asks } = simulatedBook(input, 10);
    expect(bids).toHaveLength(10);
    expect(asks).toHaveLength(10);
    expect(new Decimal(bids[0]!.price).lt(input.price) && new Decimal(asks[0]!.price).gt(input.price)).toBe(true);
    for (const level of [...bids, ...asks]) {
      expect(new Decimal(level.price).mod(input.tickSize).isZero(), `price ${level.price} on the tick`).toBe(true);
      expect(new Decimal(level.quantity).mod(input.stepSize).isZero(), `quantity ${level.quantity} on the step`).toBe(true);
    }
    expect(bids.map((l) => l.price), 'bids descend').toEqual([...bids.map((l) => l.price)].sort((a, b) => Number(b) - Number(a)));
  });

  it('when built, then the cumulative column adds the quantities exactly', () => {
    const { asks } = simulatedBook(input, 5);
    const sum = asks.reduce((total, l) => total.plus(l.quantity), new Decimal(0));
    expect(asks.at(-1)!.cumulative).toBe(sum.toFixed());
  });

  it('when the price moves within a level, then the levels that stay keep their sizes', () => {
    const before = simulatedBook(input);
    const after = simulatedBook({ ...input, price: '64123.46' });
    expect(after.bids[0]).toEqual(before.bids[0]);
  });
});
