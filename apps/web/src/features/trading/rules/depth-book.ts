import type { DepthLevel } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import type { BookLevel, SimulatedBook } from './simulated-book';

function side(levels: readonly DepthLevel[], depth: number): BookLevel[] {
  let cumulative = new Dec(0);
  return levels.slice(0, depth).map(([price, quantity]) => {
    cumulative = cumulative.plus(quantity);
    return { price, quantity, cumulative: cumulative.toFixed() };
  });
}

/** Binance's levels (best first) in the shape the book panel draws, with running totals. */
export function depthBook(depth: { bids: readonly DepthLevel[]; asks: readonly DepthLevel[] }, levels: number): SimulatedBook {
  return { bids: side(depth.bids, levels), asks: side(depth.asks, levels) };
}
