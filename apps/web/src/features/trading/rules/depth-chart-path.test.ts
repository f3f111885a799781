import { describe, expect, it } from 'vitest';
import { depthChartShape } from './depth-chart-path';

const level = (price: string, cumulative: string) => ({ price, quantity: '0', cumulative });

describe('depth chart shape', () => {
  it('when a book has both sides, then bids step up to the left edge and asks to the right, scaled to the deepest total', () => {
    const book = {
      bids: [level('99', '1'), level('98', '3')],
      asks: [level('101', '2'), level('102', '4')],
    };
    const shape = depthChartShape(book, 100, 40)!;
    expect(shape).toMatchObject({ low: 98, high: 102, deepest: 4 });
    // x: 98→0, 99→25, 101→75, 102→100; y: total 4 at the top (0), 1 → 30, 3 → 10, 2 → 20.
    expect(shape.bids).toBe('M25,40 L25,40 L25,30 L0,30 L0,10 L0,10 L0,40 Z');
    expect(shape.asks).toBe('M75,40 L75,40 L75,20 L100,20 L100,0 L100,0 L100,40 Z');
  });

  it('when a side is empty or the book has no size, then there is nothing to draw', () => {
    expect(depthChartShape({ bids: [], asks: [level('101', '2')] }, 100, 40)).toBeNull();
    expect(depthChartShape({ bids: [level('99', '0')], asks: [level('101', '0')] }, 100, 40)).toBeNull();
  });
});
