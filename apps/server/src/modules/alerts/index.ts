/**
 * Price alerts: per-user "above", "below" and "% move in a window" alerts (api role), the
 * evaluator that fires them from the live ticks (projector role), and the alert centre's
 * notifications, pushed on /ws/alerts (served by accounts' user sockets).
 */
import type { AppModule } from '../../kernel/module.js';
import { authenticate } from '../accounts/index.js';
import { alertEvaluatorEntryPoint } from './evaluator/evaluator-entry-point.js';
import { alertRoutes } from './routes.js';

export { startAlertEvaluator, type AlertEvaluator } from './evaluator/alert-evaluator.js';

export const alertsModule: AppModule = {
  name: 'alerts',
  async routes(app, ctx) {
    const deps = { db: ctx.ports.db, cache: ctx.ports.cache, logger: ctx.logger, symbols: ctx.ports.market.symbols };
    await app.register(alertRoutes(deps, authenticate(ctx.config, ctx.ports.cache)));
  },
  entryPoints: {
    projector: [alertEvaluatorEntryPoint],
  },
};
