/**
 * A live candle of a longer interval (5m … 1d) built from the 1m stream: the bucket's closed
 * minutes (read once per bucket from stored history) merged with the minute now forming. The
 * feed only sends 1m candles; this is the same roll-up /api/market/history serves.
 */
import { bucketStart, type Candle, type Interval, type KlineData } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';

export type ClosedMinutes = (symbol: string, from: number, to: number) => Promise<Candle[]>;

const MINUTE_MS = 60_000;

function merge(a: Candle | undefined, b: Candle): Candle {
  if (!a) return { ...b };
  return {
    openTime: a.openTime,
    open: a.open,
    high: Dec.max(a.high, b.high).toFixed(),
    low: Dec.min(a.low, b.low).toFixed(),
    close: b.close,
    volume: new Dec(a.volume).plus(b.volume).toFixed(),
  };
}

export class IntervalKline {
  #bucket: number | undefined;
  #closed: Candle | undefined;
  #lastClosedMinute = -1;

  constructor(
    readonly symbol: string,
    readonly interval: Interval,
    readonly intervalMs: number,
    private readonly closedMinutes: ClosedMinutes,
  ) {}

  /** The interval's candle after this minute's update, and whether it just closed. */
  async update(minute: KlineData): Promise<{ candle: Candle; closed: boolean }> {
    const bucket = bucketStart(minute.openTime, this.interval);
    if (bucket !== this.#bucket) {
      const stored = await this.closedMinutes(this.symbol, bucket, minute.openTime);
      this.#bucket = bucket;
      this.#closed = undefined;
      for (const c of stored) this.#closed = merge(this.#closed, c);
      this.#lastClosedMinute = stored.at(-1)?.openTime ?? -1;
    }
    const own: Candle = { openTime: minute.openTime, open: minute.open, high: minute.high, low: minute.low, close: minute.close, volume: minute.volume };
    const candle = { ...merge(this.#closed, own), openTime: bucket };
    if (minute.closed && minute.openTime > this.#lastClosedMinute) {
      this.#closed = candle;
      this.#lastClosedMinute = minute.openTime;
    }
    const closed = minute.closed && minute.openTime + MINUTE_MS === bucket + this.intervalMs;
    return { candle, closed };
  }
}
