/**
 * The order book a taker meets on this engine. cryptosim has no resting liquidity of its own:
 * a market order fills whole at the live price moved by the square-root impact law
 * (trading's slippage model), rounded to the tick against the taker. So "the quantity at a
 * price" is exactly the orders that fill at that price: level i on the ask side holds the
 * quantity (notional at the live price) between the largest order that fills at the tick below and the largest that fills
 * at this one. A bot reading depth or bookTicker sees what its order would get here, not a
 * book it cannot trade against. Past the slippage cap every size fills at the cap's price; that
 * last level holds up to the LOT_SIZE maximum.
 */
import { ceilToStep, Dec, floorToStep } from '@cryptosim/trading-rules';
import { MAX_STORED } from '../binance-decimal.js';

export interface EngineMarket {
  price: Dec;
  /** 24 h base volume; × price is the recent quote volume the slippage is sized by. */
  volume24h: Dec;
  tickSize: Dec;
  stepSize: Dec;
  slippage: { k: Dec; cap: Dec };
}

export type Level = [price: Dec, quantity: Dec];

const UNBOUNDED = new Dec(MAX_STORED);

function side(m: EngineMarket, limit: number, sign: 1 | -1): Level[] {
  const quoteVolume = m.volume24h.times(m.price);
  const tick = m.tickSize.isZero() ? new Dec('1e-8') : m.tickSize;
  const { k, cap } = m.slippage;
  const round = (p: Dec) => (sign > 0 ? ceilToStep(p, tick) : floorToStep(p, tick));
  const capPrice = round(m.price.times(new Dec(1).plus(cap.times(sign))));
  // No slippage, or no volume to size it by: every order fills at one price.
  if (k.isZero() || cap.isZero() || quoteVolume.lte(0)) {
    const only = k.isZero() || cap.isZero() ? round(m.price) : capPrice;
    return only.gt(0) ? [[only, UNBOUNDED]] : [];
  }
  const levels: Level[] = [];
  let below = new Dec(0);
  // Near the price a tick's worth of notional can be under one lot step; those ticks are skipped,
  // but the scan is bounded so a tiny tick cannot make it long.
  let scanned = 0;
  for (let price = round(m.price); levels.length < limit && scanned++ < limit * 20 + 100; price = price.plus(tick.times(sign))) {
    if (price.lte(0)) break;
    const move = price.minus(m.price).abs().div(m.price);
    if (move.gte(cap)) {
      levels.push([price, UNBOUNDED]);
      break;
    }
    // The largest notional whose fill price is still this one: k·√(N/V) = move.
    const upTo = quoteVolume.times(move.div(k).pow(2));
    // The engine sizes an order's notional at the live price (quantity × price), not the fill price.
    const quantity = floorToStep(upTo.minus(below).div(m.price), m.stepSize.isZero() ? new Dec('1e-8') : m.stepSize);
    if (quantity.gt(0)) levels.push([price, quantity]);
    below = upTo;
  }
  return levels;
}

/** The best `limit` bid and ask levels, best first. */
export function engineBook(m: EngineMarket, limit: number): { bids: Level[]; asks: Level[] } {
  return { bids: side(m, limit, -1), asks: side(m, limit, 1) };
}
