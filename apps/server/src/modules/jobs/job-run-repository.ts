/**
 * Rows of `job_runs`: opened when a try starts, closed once with its outcome. Closing is a
 * guarded update (only a `running` row), so a row never changes after its try ended.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { JobRunView } from '@cryptosim/contracts';
import { jobRuns } from '../../db/schema.js';
import type { Database } from '../../ports/db/db-port.js';

/**
 * Closes as failed the runs of `name` still `running` after `olderThanMs`: their process died
 * (or was killed) before it could record the end, and they would otherwise run forever.
 */
export async function closeAbandonedRuns(db: Database, name: string, olderThanMs: number): Promise<number> {
  const rows = await db
    .update(jobRuns)
    .set({ status: 'failed', finishedAt: sql`now()`, error: `abandoned: no end recorded within ${Math.round(olderThanMs / 60_000)} min` })
    .where(and(eq(jobRuns.name, name), eq(jobRuns.status, 'running'), lt(jobRuns.startedAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`)))
    .returning({ id: jobRuns.id });
  return rows.length;
}

export async function openRun(db: Database, name: string, attempt: number): Promise<number> {
  const [row] = await db.insert(jobRuns).values({ name, attempt }).returning({ id: jobRuns.id });
  return row!.id;
}

export type RunOutcome = { status: 'succeeded'; summary: unknown } | { status: 'failed'; error: string };

export async function closeRun(db: Database, id: number, outcome: RunOutcome): Promise<void> {
  await db
    .update(jobRuns)
    .set({
      status: outcome.status,
      finishedAt: sql`now()`,
      summary: outcome.status === 'succeeded' ? (outcome.summary ?? null) : null,
      error: outcome.status === 'failed' ? outcome.error : null,
    })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.status, 'running')));
}

/** Newest first (ids grow with start time). */
export async function listRuns(db: Database, query: { name?: string | undefined; limit: number }): Promise<JobRunView[]> {
  const rows = await db
    .select()
    .from(jobRuns)
    .where(query.name === undefined ? undefined : eq(jobRuns.name, query.name))
    .orderBy(desc(jobRuns.id))
    .limit(query.limit);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    attempt: r.attempt,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    status: r.status,
    summary: r.summary ?? null,
    error: r.error,
  }));
}
