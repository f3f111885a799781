/**
 * Trading: placing, listing and canceling orders (api role) and the matcher that fills
 * resting orders as prices move (projector role). The rules are in domain/; this module
 * wires them to the database, the cache and the bus.
 */
import type { AppModule } from '../../app/module.js';
import { matcherEntryPoint } from './matcher/matcher-entry-point.js';
import { tradingRoutes } from './routes.js';
import { tradingDepsOf } from './trading-deps-of.js';

export const tradingModule: AppModule = {
  name: 'trading',
  async routes(app, ctx) {
    await tradingRoutes(app, ctx, tradingDepsOf(ctx));
  },
  entryPoints: {
    projector: [matcherEntryPoint],
  },
};
