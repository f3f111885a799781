/** `GET /api/jobs/runs` (auth): the recorded runs of the background jobs. */
import type { FastifyInstance } from 'fastify';
import { JobRunsQuery, JobRunsResponse } from '@cryptosim/contracts';
import type { ModuleContext } from '../../kernel/module.js';
import { authenticate } from '../accounts/index.js';
import { listRuns } from './job-run-repository.js';

const problem = { $ref: 'Problem#' };

export async function jobsRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  app.addHook('onRequest', authenticate(ctx.config, ctx.ports.cache));
  app.get<{ Querystring: JobRunsQuery }>(
    '/api/jobs/runs',
    {
      schema: {
        tags: ['jobs'],
        security: [{ bearerAuth: [] }],
        summary: 'Runs of the scheduled jobs (one row per try), newest first',
        querystring: JobRunsQuery,
        response: { 200: JobRunsResponse, 400: problem, 401: problem },
      },
    },
    async (request) => ({ runs: await listRuns(ctx.ports.db.db, { name: request.query.name, limit: request.query.limit ?? 50 }) }),
  );
}
