import { Dec, floorToStep } from '@cryptosim/trading-rules';

export interface BookLevel {
  price: string;
  quantity: string;
  /** Running sum of quantity from the best level outwards. */
  cumulative: string;
}

export interface SimulatedBook {
  bids: BookLevel[];
  asks: BookLevel[];
}

export interface BookInput {
  symbol: string;
  price: string;
  tickSize: string;
  stepSize: string;
  volume24h: string;
}

/** FNV-1a: a stable 0…1 number per (symbol, level), so a level keeps its size as the price moves. */
function jitter(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) / 0x1_0000_0000;
}

/**
 * A plausible order book around the live price, for sources without real depth (simulator,
 * replay). Levels are whole ticks about one basis point apart, straddling the price; each
 * level holds a slice of the average minute's volume, growing away from the touch, varied by
 * a hash of its price. Same inputs, same book: nothing here is random.
 */
export function simulatedBook(input: BookInput, depth = 10): SimulatedBook {
  const price = new Dec(input.price);
  const tick = new Dec(input.tickSize).isZero() ? new Dec('0.00000001') : new Dec(input.tickSize);
  const step = new Dec(input.stepSize);
  const ticks = Dec.max(1, price.times('0.0001').div(tick).floor());
  const spacing = tick.times(ticks);
  const bestBid = price.div(spacing).ceil().minus(1).times(spacing);
  const bestAsk = price.div(spacing).floor().plus(1).times(spacing);
  const perLevel = new Dec(input.volume24h).div(1440).div(4);

  const side = (start: Dec, direction: 1 | -1, name: string): BookLevel[] => {
    let cumulative = new Dec(0);
    const levels: BookLevel[] = [];
    for (let i = 0; i < depth; i += 1) {
      const level = start.plus(spacing.times(i * direction));
      if (level.lte(0)) break;
      const shape = 1 + i * 0.25;
      const size = perLevel.times(shape).times(0.5 + jitter(`${input.symbol}:${name}:${level.toFixed()}`));
      const quantity = Dec.max(floorToStep(size, step), step.isZero() ? size : step);
      cumulative = cumulative.plus(quantity);
      levels.push({ price: level.toFixed(), quantity: quantity.toFixed(), cumulative: cumulative.toFixed() });
    }
    return levels;
  };
  return { bids: side(bestBid, -1, 'bid'), asks: side(bestAsk, 1, 'ask') };
}
