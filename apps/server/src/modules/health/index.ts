/**
 * Health: liveness and readiness probes. Unlike the business modules it serves in every
 * role, so an orchestrator can probe ingest, projector and worker processes too.
 */
import type { AppModule } from '../../kernel/module.js';
import { healthRoutes } from './routes.js';

export const healthModule: AppModule = {
  name: 'health',
  everyRole: true,
  async routes(app, ctx) {
    await app.register(healthRoutes(ctx.ports, ctx.readiness));
  },
};
