/**
 * The `models` table: candidates written by training, the one active model served, retired
 * ones kept for their track record. Reads never carry the artifact except loadActiveModel.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ModelSummary } from '@cryptosim/contracts';
import { models } from '../../../db/schema.js';
import type { Database } from '../../../ports/db/db-port.js';
import { decodeCursor, encodeCursor } from '../list-cursor.js';

export interface NewModel {
  version: string;
  params: Record<string, unknown>;
  metrics: Record<string, unknown>;
  /** XGBoost's JSON model with its classes, verbatim. */
  artifact: string;
}

export interface ActiveModel extends ModelSummary {
  artifact: string;
}

const summaryColumns = {
  version: models.version,
  status: models.status,
  params: models.params,
  metrics: models.metrics,
  createdAt: models.createdAt,
} as const;

type SummaryRow = { version: string; status: ModelSummary['status']; params: Record<string, unknown>; metrics: Record<string, unknown>; createdAt: Date };

const toSummary = (r: SummaryRow): ModelSummary => ({ version: r.version, status: r.status, params: r.params, metrics: r.metrics, createdAt: r.createdAt.toISOString() });

/** Always a candidate: only promoteCandidate makes a model active. */
export async function insertCandidate(db: Database, model: NewModel): Promise<ModelSummary> {
  const [row] = await db.insert(models).values({ ...model, status: 'candidate' }).onConflictDoNothing().returning(summaryColumns);
  if (!row) throw new Error(`model version ${model.version} already exists`);
  return toSummary(row);
}

export async function findModel(db: Database, version: string): Promise<ModelSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(models).where(eq(models.version, version));
  return row && toSummary(row);
}

export async function loadActiveModel(db: Database): Promise<ActiveModel | undefined> {
  const [row] = await db.select({ ...summaryColumns, artifact: models.artifact }).from(models).where(eq(models.status, 'active'));
  return row && { ...toSummary(row), artifact: row.artifact };
}

/** Params by version, for the versions given (the scoring job reads θ from them). */
export async function modelParams(db: Database, versions: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
  if (versions.length === 0) return new Map();
  const rows = await db.select({ version: models.version, params: models.params }).from(models).where(inArray(models.version, [...versions]));
  return new Map(rows.map((r) => [r.version, r.params]));
}

// Microseconds since the epoch: created_at's full precision, so the keyset never skips a row.
const createdUs = sql<string>`(extract(epoch from ${models.createdAt}) * 1000000)::bigint`;

/** Newest first. */
export async function listModels(db: Database, query: { limit: number; cursor?: string | undefined }): Promise<{ models: ModelSummary[]; nextCursor: string | null }> {
  const key = decodeCursor(query.cursor, (k) => /^\d{1,20}\|[A-Za-z0-9._:-]{1,64}$/.test(k));
  const after = key?.split('|') as [string, string] | undefined;
  const rows = await db
    .select({ ...summaryColumns, createdUs: sql<string>`${createdUs}::text` })
    .from(models)
    .where(after ? sql`(${createdUs}, ${models.version}) < (${after[0]}::bigint, ${after[1]})` : undefined)
    .orderBy(desc(createdUs), desc(models.version))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return { models: page.map(toSummary), nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.createdUs}|${last.version}`) : null };
}

/** Used by promotion only: the active row, locked until the transaction ends. */
export async function lockActiveVersion(tx: Database): Promise<string | null> {
  const [row] = await tx.select({ version: models.version }).from(models).where(eq(models.status, 'active')).for('update');
  return row?.version ?? null;
}

export async function lockModelStatus(tx: Database, version: string): Promise<ModelSummary['status'] | undefined> {
  const [row] = await tx.select({ status: models.status }).from(models).where(eq(models.version, version)).for('update');
  return row?.status;
}

export async function activate(tx: Database, version: string): Promise<void> {
  await tx.update(models).set({ status: 'retired' }).where(eq(models.status, 'active'));
  const done = await tx.update(models).set({ status: 'active' }).where(and(eq(models.version, version), eq(models.status, 'candidate'))).returning({ version: models.version });
  if (done.length !== 1) throw new Error(`model ${version} is no longer a candidate`);
}

export async function recordInMetrics(tx: Database, version: string, entries: Record<string, unknown>): Promise<void> {
  await tx.update(models).set({ metrics: sql`${models.metrics} || ${JSON.stringify(entries)}::jsonb` }).where(eq(models.version, version));
}
