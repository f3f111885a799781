/**
 * /history shows stored candles plus the one still forming. The live 1m candle is not in the
 * database until it closes, so the current bucket of any interval is the stored roll-up of its
 * closed minutes merged with the live minute.
 */
import { Decimal } from 'decimal.js';
import { bucketStart, type Candle, type Interval, type KlineData } from '@cryptosim/contracts';
import type { CandleRange } from './repository.js';

const max = (a: string, b: string) => (new Decimal(a).gte(b) ? a : b);
const min = (a: string, b: string) => (new Decimal(a).lte(b) ? a : b);

export function mergeLiveCandle(stored: Candle[], live: KlineData | null, interval: Interval, range: CandleRange): Candle[] {
  // A closed live minute is already stored and rolled up (the projector writes the database first).
  if (!live || live.closed) return stored;
  const bucket = bucketStart(live.openTime, interval);
  if (range.startTime !== undefined && bucket < range.startTime) return stored;
  if (range.endTime !== undefined && bucket > range.endTime) return stored;

  const index = stored.findIndex((c) => c.openTime === bucket);
  if (index >= 0) {
    const closed = stored[index]!;
    const merged: Candle =
      interval === '1m'
        ? { ...closed, ...pick(live) }
        : {
            openTime: bucket,
            open: closed.open,
            high: max(closed.high, live.high),
            low: min(closed.low, live.low),
            close: live.close,
            volume: new Decimal(closed.volume).plus(live.volume).toFixed(),
          };
    return stored.map((c, i) => (i === index ? merged : c));
  }
  const last = stored.at(-1);
  if (last && last.openTime > bucket) return stored;
  const withLive = [...stored, { ...pick(live), openTime: bucket }];
  if (withLive.length <= range.limit) return withLive;
  // From a startTime the page is full before the live bucket; without one, the newest win.
  return range.startTime !== undefined ? stored : withLive.slice(1);
}

function pick(k: KlineData): Candle {
  return { openTime: k.openTime, open: k.open, high: k.high, low: k.low, close: k.close, volume: k.volume };
}
