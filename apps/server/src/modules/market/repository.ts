/**
 * Candles in PostgreSQL/PGlite: closed 1m candles upserted idempotently, roll-ups recomputed
 * from the stored 1m rows (so replays and re-runs converge on the same values), and the
 * range reads behind /history and the first-start backfill. Rows travel as column arrays
 * through `unnest`, so a batch of any size is one statement with seven parameters.
 */
import { sql, type SQL } from 'drizzle-orm';
import { INTERVAL_MS, INTERVAL_OFFSET_MS, type Candle, type Interval } from '@cryptosim/contracts';
import type { Database } from '../../ports/db/db-port.js';

export { INTERVAL_MS };
/** Every interval stored as an aggregate of 1m rows; buckets start where `bucketStart` says (weeks on Mondays). */
export const ROLLUP_INTERVALS = ['3m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'] as const satisfies readonly Interval[];

export type Executor = Pick<Database, 'execute'>;

export interface MinuteCandle extends Candle {
  symbol: string;
}

/** A span of 1m open times per symbol, [from, to] inclusive, whose buckets need recomputing. */
export interface MinuteSpan {
  symbol: string;
  from: number;
  to: number;
}

function candleRows(rows: MinuteCandle[], interval: Interval = '1m'): SQL {
  const col = <K extends keyof MinuteCandle>(k: K) => sql.param(rows.map((r) => r[k]));
  return sql`select s, ${interval}::text, t, o, h, l, c, v from unnest(
    ${col('symbol')}::text[], ${col('openTime')}::bigint[], ${col('open')}::numeric[], ${col('high')}::numeric[],
    ${col('low')}::numeric[], ${col('close')}::numeric[], ${col('volume')}::numeric[]) as x(s, t, o, h, l, c, v)`;
}

/** Closed 1m candles: a replayed one overwrites itself with the same values. */
export async function upsertMinutes(db: Executor, rows: MinuteCandle[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume) ${candleRows(rows)}
    on conflict (symbol, interval, open_time) do update set open = excluded.open, high = excluded.high,
      low = excluded.low, close = excluded.close, volume = excluded.volume`);
}

/** Backfilled history: never overwrites a candle the live feed already stored. Returns rows inserted. */
export async function insertMissingMinutes(db: Executor, rows: MinuteCandle[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume) ${candleRows(rows)}
    on conflict (symbol, interval, open_time) do nothing`);
  return affected(result);
}

/**
 * Coarse history (4h candles before the stored minutes, first start only): never overwrites a
 * stored candle; the 1D and 1W buckets before `before` are then summed from these 4h rows.
 * `before` must open a week, so no bucket mixes coarse rows with minutes. Returns rows inserted.
 */
export async function insertCoarseHistory(db: Executor, symbol: string, rows: MinuteCandle[], before: number): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = affected(
    await db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume) ${candleRows(rows, '4h')}
      on conflict (symbol, interval, open_time) do nothing`),
  );
  const intervals = (['1d', '1w'] as const).map((i) => sql`(${i}::text, ${INTERVAL_MS[i]}::bigint, ${INTERVAL_OFFSET_MS[i]}::bigint)`);
  await db.execute(sql`
    with iv(name, ms, shift) as (values ${sql.join(intervals, sql`, `)})
    insert into candles (symbol, interval, open_time, open, high, low, close, volume)
    select c.symbol, iv.name, c.open_time - (c.open_time - iv.shift) % iv.ms,
      (array_agg(c.open order by c.open_time))[1], max(c.high), min(c.low),
      (array_agg(c.close order by c.open_time desc))[1], sum(c.volume)
    from iv cross join candles c
    where c.symbol = ${symbol} and c.interval = '4h' and c.open_time < ${before}
    group by c.symbol, iv.name, c.open_time - (c.open_time - iv.shift) % iv.ms
    on conflict (symbol, interval, open_time) do nothing`);
  return inserted;
}

/** Whether any candle of `interval` opens before `time`: one index lookup. */
export async function hasCandleBefore(db: Executor, symbol: string, interval: Interval, time: number): Promise<boolean> {
  const result = await db.execute(sql`select 1 from candles where symbol = ${symbol} and interval = ${interval} and open_time < ${time} limit 1`);
  return rowsOf(result).length > 0;
}

/**
 * Recomputes, in one statement, every roll-up bucket that contains a minute of `spans`:
 * open = first, high = max, low = min, close = last, volume = sum of the bucket's 1m rows.
 */
export async function rollUp(db: Executor, spans: MinuteSpan[], only: readonly (typeof ROLLUP_INTERVALS)[number][] = ROLLUP_INTERVALS): Promise<void> {
  if (spans.length === 0 || only.length === 0) return;
  const intervals = only.map((i) => sql`(${i}::text, ${INTERVAL_MS[i]}::bigint, ${INTERVAL_OFFSET_MS[i]}::bigint)`);
  const p = <K extends keyof MinuteSpan>(k: K) => sql.param(spans.map((s) => s[k]));
  await db.execute(sql`
    with iv(name, ms, shift) as (values ${sql.join(intervals, sql`, `)}),
    span(symbol, lo, hi) as (select * from unnest(${p('symbol')}::text[], ${p('from')}::bigint[], ${p('to')}::bigint[])),
    target as (
      select span.symbol, iv.name, iv.ms, iv.shift, span.lo - (span.lo - iv.shift) % iv.ms as first_bucket,
        span.hi - (span.hi - iv.shift) % iv.ms + iv.ms as end_time
      from span cross join iv)
    insert into candles (symbol, interval, open_time, open, high, low, close, volume)
    select c.symbol, t.name, c.open_time - (c.open_time - t.shift) % t.ms,
      (array_agg(c.open order by c.open_time))[1], max(c.high), min(c.low),
      (array_agg(c.close order by c.open_time desc))[1], sum(c.volume)
    from target t join candles c
      on c.symbol = t.symbol and c.interval = '1m' and c.open_time >= t.first_bucket and c.open_time < t.end_time
    group by c.symbol, t.name, c.open_time - (c.open_time - t.shift) % t.ms
    on conflict (symbol, interval, open_time) do update set open = excluded.open, high = excluded.high,
      low = excluded.low, close = excluded.close, volume = excluded.volume`);
}

export interface CandleRange {
  limit: number;
  startTime?: number | undefined;
  endTime?: number | undefined;
}

/**
 * Stored candles, oldest first. With a startTime the first `limit` from it (Binance's
 * semantics); otherwise the latest `limit` up to endTime.
 */
export async function findCandles(db: Executor, symbol: string, interval: Interval, range: CandleRange): Promise<Candle[]> {
  const conditions = [sql`symbol = ${symbol}`, sql`interval = ${interval}`];
  if (range.startTime !== undefined) conditions.push(sql`open_time >= ${range.startTime}`);
  if (range.endTime !== undefined) conditions.push(sql`open_time <= ${range.endTime}`);
  const order = range.startTime !== undefined ? sql`asc` : sql`desc`;
  const result = await db.execute(sql`
    select open_time, trim_scale(open)::text as open, trim_scale(high)::text as high, trim_scale(low)::text as low,
      trim_scale(close)::text as close, trim_scale(volume)::text as volume
    from candles where ${sql.join(conditions, sql` and `)} order by open_time ${order} limit ${range.limit}`);
  const candles = rowsOf(result).map((r) => ({
    openTime: Number(r.open_time),
    open: String(r.open),
    high: String(r.high),
    low: String(r.low),
    close: String(r.close),
    volume: String(r.volume),
  }));
  return range.startTime !== undefined ? candles : candles.reverse();
}

/** Contiguous runs of missing 1m open times in [from, to), as [start, end) pairs. */
export async function findMinuteGaps(db: Executor, symbol: string, from: number, to: number): Promise<Array<[number, number]>> {
  const result = await db.execute(sql`
    select open_time, lead(open_time) over (order by open_time) as next_time
    from candles where symbol = ${symbol} and interval = '1m' and open_time >= ${from} and open_time < ${to}`);
  const rows = rowsOf(result).map((r) => [Number(r.open_time), r.next_time == null ? null : Number(r.next_time)] as const);
  if (rows.length === 0) return from < to ? [[from, to]] : [];
  const gaps: Array<[number, number]> = [];
  const sorted = [...rows].sort((a, b) => a[0] - b[0]);
  if (sorted[0]![0] > from) gaps.push([from, sorted[0]![0]]);
  for (const [time, next] of sorted) {
    if (next !== null && next - time > INTERVAL_MS['1m']) gaps.push([time + INTERVAL_MS['1m'], next]);
  }
  const last = sorted[sorted.length - 1]![0] + INTERVAL_MS['1m'];
  if (last < to) gaps.push([last, to]);
  return gaps;
}

function rowsOf(result: unknown): Array<Record<string, unknown>> {
  // node-postgres and PGlite both answer `{ rows }`.
  return (result as { rows: Array<Record<string, unknown>> }).rows;
}

function affected(result: unknown): number {
  const r = result as { rowCount?: number | null; affectedRows?: number };
  return r.rowCount ?? r.affectedRows ?? 0;
}
