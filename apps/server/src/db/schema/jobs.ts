/**
 * The history of background job runs (the seed's Airflow DAG runs): one row per try, written
 * when it starts and completed when it ends, so a run that is still going (or whose process
 * died) shows as `running`.
 */
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { sqlList } from './columns.js';

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;

export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: varchar('name', { length: 64 }).notNull(),
    attempt: integer('attempt').notNull().default(1),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: varchar('status', { length: 16, enum: JOB_RUN_STATUSES }).notNull().default('running'),
    summary: jsonb('summary'),
    error: text('error'),
  },
  (t) => [
    index('job_runs_name_id_idx').on(t.name, t.id),
    check('job_runs_status_known', sql.raw(`status in (${sqlList(JOB_RUN_STATUSES)})`)),
    check('job_runs_finished_when_done', sql`(status = 'running') = (finished_at is null)`),
  ],
);
