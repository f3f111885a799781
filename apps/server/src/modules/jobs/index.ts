import type { AppModule } from '../../kernel/module.js';

/**
 * Runs the jobs this process's modules defined (the seed's Airflow DAGs become these).
 * Lives in the worker role so API replicas never run scheduled work.
 */
export const jobsModule: AppModule = {
  name: 'jobs',
  entryPoints: {
    worker: [
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
