import type { SimulatedBook } from './simulated-book';

export interface DepthChartShape {
  /** Closed step areas in the chart's own units (0…width, 0…height, y down). */
  bids: string;
  asks: string;
  /** Price range across the x axis and the deepest running total (the y axis' top). */
  low: number;
  high: number;
  deepest: number;
}

const fixed = (n: number) => Number(n.toFixed(2));

/**
 * The cumulative depth chart of a book: bids step down from the touch to the left, asks step
 * up to the right, each level's running total as the height, so the wall sizes read at a glance.
 * Numbers go through Number here: this is geometry for a picture, never money.
 */
export function depthChartShape(book: SimulatedBook, width: number, height: number): DepthChartShape | null {
  const bids = book.bids.map((l) => ({ price: Number(l.price), total: Number(l.cumulative) }));
  const asks = book.asks.map((l) => ({ price: Number(l.price), total: Number(l.cumulative) }));
  if (bids.length === 0 || asks.length === 0) return null;
  const low = bids.at(-1)!.price;
  const high = asks.at(-1)!.price;
  const deepest = Math.max(bids.at(-1)!.total, asks.at(-1)!.total);
  if (!(high > low) || !(deepest > 0)) return null;
  const x = (price: number) => fixed(((price - low) / (high - low)) * width);
  const y = (total: number) => fixed(height - (total / deepest) * height);

  const area = (levels: typeof bids, edge: number) => {
    // From the touch outwards: across to the level's price at the previous height, then up to its total.
    let path = `M${x(levels[0]!.price)},${height}`;
    let previous = 0;
    for (const level of levels) {
      path += ` L${x(level.price)},${y(previous)} L${x(level.price)},${y(level.total)}`;
      previous = level.total;
    }
    return `${path} L${edge},${y(previous)} L${edge},${height} Z`;
  };
  return { bids: area(bids, 0), asks: area(asks, width), low, high, deepest };
}
