import type { AppModule } from '../../kernel/module.js';
import { marketDataEntryPoint } from './market-data/market-data-entry-point.js';
import { jobsRoutes } from './routes.js';

export { defineRecordedJob, scheduleEvery, type RecordedJob } from './define-recorded-job.js';
export { MARKET_DATA_JOB } from './market-data/run-market-data.js';

/**
 * The seed's Airflow DAGs as jobs on the jobs port: every try of a recorded job is a row in
 * `job_runs`, listed at /api/jobs/runs. The worker role defines the market-data job and then
 * runs the jobs this process's modules defined, so API replicas never run scheduled work.
 */
export const jobsModule: AppModule = {
  name: 'jobs',
  routes: jobsRoutes,
  entryPoints: {
    worker: [
      marketDataEntryPoint,
      {
        name: 'job-runner',
        async start({ ports }) {
          await ports.jobs.start();
          return { stop: () => ports.jobs.close() };
        },
      },
    ],
  },
};
