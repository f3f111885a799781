/**
 * Defines a job on the jobs port whose every try is a row in `job_runs`: `running` when it
 * starts, then `succeeded` with the handler's report as summary, or `failed` with the error.
 * The error is rethrown so the port retries per the job's policy (each retry is a new row).
 */
import type { Logger } from 'pino';
import type { DbPort } from '../../ports/db/db-port.js';
import type { JobsPort } from '../../ports/jobs/jobs-port.js';
import { closeAbandonedRuns, closeRun, openRun } from './job-run-repository.js';

export interface RecordedJob {
  name: string;
  /** Does the work; the JSON value it returns is stored as the run's summary. */
  run(data: unknown): Promise<unknown>;
  attempts?: number;
  backoffMs?: number;
  /** A try still `running` after this long is recorded failed as abandoned (default 6 h). */
  abandonAfterMs?: number;
}

export const DEFAULT_ABANDON_AFTER_MS = 6 * 3_600_000;

export function defineRecordedJob(jobs: JobsPort, db: DbPort, logger: Logger, job: RecordedJob): void {
  const log = logger.child({ job: job.name });
  jobs.define(
    job.name,
    async (data, { attempt }) => {
      const abandoned = await closeAbandonedRuns(db.db, job.name, job.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS);
      if (abandoned > 0) log.warn({ abandoned }, 'earlier runs never recorded their end; marked failed');
      const id = await openRun(db.db, job.name, attempt);
      let summary: unknown;
      try {
        summary = await job.run(data);
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        log.warn({ attempt, err: error }, 'job run failed');
        try {
          await closeRun(db.db, id, { status: 'failed', error });
        } catch (recordErr) {
          log.error({ err: recordErr, runId: id }, 'could not record the failed job run');
        }
        throw err;
      }
      await closeRun(db.db, id, { status: 'succeeded', summary: toJson(summary) });
      log.info({ attempt, runId: id }, 'job run succeeded');
    },
    { ...(job.attempts !== undefined && { attempts: job.attempts }), ...(job.backoffMs !== undefined && { backoffMs: job.backoffMs }) },
  );
}

/** Scheduled by config: a period of 0 turns the schedule off (the job can still be enqueued). */
export async function scheduleEvery(jobs: JobsPort, name: string, everyMs: number): Promise<void> {
  if (everyMs > 0) await jobs.schedule(name, everyMs);
}

function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
