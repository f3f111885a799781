/**
 * Closed candles of one symbol and interval for readers outside the market module (the AI
 * features). A bar counts as closed once the 1m candle that ends it is stored: the market's
 * own clock, so a replayed past or a feed that lags the wall clock is read the same way, and a
 * bucket still filling with minutes is never taken for a finished bar.
 */
import { sql } from 'drizzle-orm';
import type { Interval } from '@cryptosim/contracts';
import { INTERVAL_MS, type Executor } from './repository.js';

export interface ClosedCandle {
  openTime: number;
  /** Decimal strings, as stored. */
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
}

/** The latest `limit` closed bars, oldest first; only bars opening at or before `endTime` when given. */
export async function readClosedCandles(db: Executor, symbol: string, interval: Interval, options: { limit: number; endTime?: number }): Promise<ClosedCandle[]> {
  const ms = INTERVAL_MS[interval];
  const end = options.endTime === undefined ? sql`` : sql`and open_time <= ${options.endTime}`;
  const result = await db.execute(sql`
    select open_time, trim_scale(open)::text as open, trim_scale(high)::text as high, trim_scale(low)::text as low,
      trim_scale(close)::text as close, trim_scale(volume)::text as volume
    from candles
    where symbol = ${symbol} and interval = ${interval} ${end}
      and open_time + ${ms}::bigint <= (select coalesce(max(open_time), 0) + 60000 from candles where symbol = ${symbol} and interval = '1m')
    order by open_time desc limit ${options.limit}`);
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows
    .map((r) => ({ openTime: Number(r.open_time), open: String(r.open), high: String(r.high), low: String(r.low), close: String(r.close), volume: String(r.volume) }))
    .reverse();
}

/** Open time of the latest closed bar (same rule as readClosedCandles), or null: one index lookup. */
export async function latestClosedOpenTime(db: Executor, symbol: string, interval: Interval): Promise<number | null> {
  const ms = INTERVAL_MS[interval];
  const result = await db.execute(sql`
    select max(open_time) as t from candles
    where symbol = ${symbol} and interval = ${interval}
      and open_time + ${ms}::bigint <= (select coalesce(max(open_time), 0) + 60000 from candles where symbol = ${symbol} and interval = '1m')`);
  const t = (result as unknown as { rows: Array<{ t: unknown }> }).rows[0]?.t;
  return t == null ? null : Number(t);
}
