/**
 * The `predictions` table: one row per stored prediction, scored once its horizon passed.
 * Scoring writes are guarded (`scored_at is null`), so two workers racing over the same row
 * score it once and each learns which rows it actually wrote.
 */
import { and, desc, eq, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { StoredPrediction } from '@cryptosim/contracts';
import { predictions } from '../../../db/schema.js';
import type { Database } from '../../../ports/db/db-port.js';
import { decodeCursor, encodeCursor } from '../list-cursor.js';
import type { Label, Probabilities } from '../track-record/classification-metrics.js';
import type { ScoredRow } from '../track-record/compute-track-record.js';

export interface NewPrediction {
  modelVersion: string;
  symbol: string;
  horizon: string;
  label: Label;
  probabilities: Probabilities;
  /** Decimal string: the close of the bar the prediction was made at. */
  priceAt: string;
  generatedAt: Date;
  resolveAt: Date;
}

export async function insertPrediction(db: Database, p: NewPrediction): Promise<number> {
  const [row] = await db.insert(predictions).values(p).returning({ id: predictions.id });
  return row!.id;
}

/** One prediction per (model, symbol, horizon, bar): undefined when that bar already has one. */
export async function insertPredictionOnce(db: Database, p: NewPrediction): Promise<number | undefined> {
  const [row] = await db.insert(predictions).values(p).onConflictDoNothing().returning({ id: predictions.id });
  return row?.id;
}

type Row = typeof predictions.$inferSelect;

function toView(r: Row): StoredPrediction {
  return {
    id: r.id,
    symbol: r.symbol,
    horizon: r.horizon,
    label: r.label,
    probabilities: r.probabilities,
    modelVersion: r.modelVersion,
    generatedAt: r.generatedAt.toISOString(),
    resolveAt: r.resolveAt.toISOString(),
    status: r.scoredAt === null ? 'pending' : r.outcome === null ? 'void' : 'scored',
    outcome: r.outcome,
    priceAt: trimDecimal(r.priceAt),
    resolvedPrice: r.resolvedPrice === null ? null : trimDecimal(r.resolvedPrice),
    scoredAt: r.scoredAt?.toISOString() ?? null,
  };
}

/** Newest first (ids grow with insertion). */
export async function listPredictions(
  db: Database,
  query: { symbol?: string | undefined; limit: number; cursor?: string | undefined },
): Promise<{ predictions: StoredPrediction[]; nextCursor: string | null }> {
  const before = decodeCursor(query.cursor, (k) => /^[1-9]\d{0,15}$/.test(k));
  const conditions: SQL[] = [];
  if (query.symbol !== undefined) conditions.push(eq(predictions.symbol, query.symbol));
  if (before !== undefined) conditions.push(lt(predictions.id, Number(before)));
  const rows = await db.select().from(predictions).where(and(...conditions)).orderBy(desc(predictions.id)).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { predictions: page.map(toView), nextCursor: rows.length > query.limit ? encodeCursor(String(page[page.length - 1]!.id)) : null };
}

/** Every prediction with an outcome, for the track record. */
export async function scoredPredictions(db: Database, filter: { symbol?: string | undefined; modelVersion?: string | undefined }): Promise<ScoredRow[]> {
  const conditions: SQL[] = [isNotNull(predictions.outcome)];
  if (filter.symbol !== undefined) conditions.push(eq(predictions.symbol, filter.symbol));
  if (filter.modelVersion !== undefined) conditions.push(eq(predictions.modelVersion, filter.modelVersion));
  const rows = await db
    .select({
      modelVersion: predictions.modelVersion,
      symbol: predictions.symbol,
      horizon: predictions.horizon,
      label: predictions.label,
      probabilities: predictions.probabilities,
      outcome: predictions.outcome,
      generatedAt: predictions.generatedAt,
      resolveAt: predictions.resolveAt,
    })
    .from(predictions)
    .where(and(...conditions))
    .orderBy(predictions.id);
  return rows.map((r) => ({ ...r, outcome: r.outcome!, generatedAt: r.generatedAt.getTime(), resolveAt: r.resolveAt.getTime() }));
}

export interface DuePrediction {
  id: number;
  modelVersion: string;
  symbol: string;
  priceAt: string;
  resolveAt: number;
  /** Close of the 1m candle that closes at resolveAt, when stored. */
  exactClose: string | null;
  /** Close of the latest 1m candle in the `fallbackMs` before resolveAt, when stored. */
  fallbackClose: string | null;
}

/**
 * Unscored predictions whose horizon has passed, oldest first, after the keyset `after`
 * (resolve time, id) so a batch of predictions still waiting for their candle is not re-read.
 */
export async function duePredictions(
  db: Database,
  options: { now: Date; limit: number; fallbackMs: number; after?: { resolveAt: number; id: number } | undefined },
): Promise<DuePrediction[]> {
  const resolveMs = sql`(extract(epoch from p.resolve_at) * 1000)::bigint`;
  const after = options.after
    ? sql`and (p.resolve_at, p.id) > (${new Date(options.after.resolveAt).toISOString()}::timestamptz, ${options.after.id})`
    : sql``;
  const result = await db.execute(sql`
    select p.id, p.model_version, p.symbol, trim_scale(p.price_at)::text as price_at, ${resolveMs} as resolve_ms,
      (select trim_scale(c.close)::text from candles c
        where c.symbol = p.symbol and c.interval = '1m' and c.open_time = ${resolveMs} - 60000) as exact_close,
      (select trim_scale(c.close)::text from candles c
        where c.symbol = p.symbol and c.interval = '1m' and c.open_time >= ${resolveMs} - ${options.fallbackMs}::bigint and c.open_time < ${resolveMs} - 60000
        order by c.open_time desc limit 1) as fallback_close
    from predictions p
    where p.scored_at is null and p.resolve_at <= ${options.now.toISOString()}::timestamptz ${after}
    order by p.resolve_at, p.id
    limit ${options.limit}`);
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows.map((r) => ({
    id: Number(r.id),
    modelVersion: String(r.model_version),
    symbol: String(r.symbol),
    priceAt: String(r.price_at),
    resolveAt: Number(r.resolve_ms),
    exactClose: r.exact_close == null ? null : String(r.exact_close),
    fallbackClose: r.fallback_close == null ? null : String(r.fallback_close),
  }));
}

export interface Resolution {
  id: number;
  /** null: void (no price at the horizon turned up in time). */
  outcome: Label | null;
  resolvedPrice: string | null;
}

/** Writes outcomes only onto rows still unscored; returns the ids this call wrote. */
export async function resolvePredictions(db: Database, resolutions: readonly Resolution[], scoredAt: Date): Promise<number[]> {
  if (resolutions.length === 0) return [];
  const col = <K extends keyof Resolution>(k: K) => sql.param(resolutions.map((r) => r[k]));
  const result = await db.execute(sql`
    update predictions p set outcome = v.outcome, resolved_price = v.price, scored_at = ${scoredAt.toISOString()}::timestamptz
    from unnest(${col('id')}::bigint[], ${col('outcome')}::text[], ${col('resolvedPrice')}::numeric[]) as v(id, outcome, price)
    where p.id = v.id and p.scored_at is null
    returning p.id`);
  return (result as unknown as { rows: Array<{ id: unknown }> }).rows.map((r) => Number(r.id));
}

function trimDecimal(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}
