import type { KlineData } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';

/** One line of the tape: a market print, or (mine) one of the user's own fills. */
export interface TapePrint {
  key: string;
  price: string;
  quantity: string;
  time: number;
  /** Which side took: BUY prints go up the book, SELL prints down it. */
  side: 'BUY' | 'SELL';
  mine: boolean;
}

/**
 * A print derived from two successive updates of the live 1m candle, for sources without a
 * real tape (simulator, replay): the volume the candle gained is what traded, at the new close;
 * a close above the previous one was a buy taking the ask, below it a sell (the tick rule), level
 * keeps the previous side. A new minute starts from zero volume. No gain, no print.
 */
export function printFromKlines(previous: KlineData | undefined, next: KlineData, previousSide: 'BUY' | 'SELL', time: number): TapePrint | null {
  const sameMinute = previous !== undefined && previous.openTime === next.openTime;
  const traded = new Dec(next.volume).minus(sameMinute ? previous.volume : 0);
  if (traded.lte(0)) return null;
  const move = previous ? new Dec(next.close).comparedTo(previous.close) : 0;
  const side = move > 0 ? 'BUY' : move < 0 ? 'SELL' : previousSide;
  return { key: `s${next.openTime}:${next.volume}`, price: next.close, quantity: traded.toFixed(), time, side, mine: false };
}

/** Market prints and the user's fills in one list, newest first, at most `limit` long. */
export function mergeTape(market: readonly TapePrint[], mine: readonly TapePrint[], limit: number): TapePrint[] {
  return [...market, ...mine].sort((a, b) => b.time - a.time || (a.mine === b.mine ? 0 : a.mine ? -1 : 1)).slice(0, limit);
}
