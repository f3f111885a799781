/** Reading recorded job runs back in the job suites, over an app from `startTestApp` with a signed-in user. */
import { expect } from 'vitest';
import type { JobRunView, JobRunsResponse } from '@cryptosim/contracts';
import { eventually } from '../../../testing/eventually.js';
import type { TestApp } from '../../../testing/test-app.js';
import { listRuns } from '../job-run-repository.js';

export async function jobRuns(t: TestApp, query = ''): Promise<JobRunView[]> {
  const res = await t.app.inject({ url: `/api/jobs/runs${query}`, headers: t.headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as JobRunsResponse).runs;
}

/**
 * Waits until `name` has `count` finished runs, and returns its runs (newest first) as the
 * API lists them. The wait reads the table, so polling never meets the API's rate limits.
 */
export async function finishedRuns(t: TestApp, name: string, count = 1, timeoutMs = 30_000): Promise<JobRunView[]> {
  const finished = async () => (await listRuns(t.ports.db.db, { name, limit: 500 })).filter((r) => r.status !== 'running').length;
  await eventually(`${count} finished run(s) of ${name}`, async () => (await finished()) >= count, timeoutMs);
  return jobRuns(t, `?name=${name}`);
}
