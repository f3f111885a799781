/**
 * Trading: placing, listing and canceling orders (api role) and the matcher that fills
 * resting orders as prices move (projector role). The rules are in domain/; this module
 * wires them to the database, the cache and the bus.
 */
import type { AppModule } from '../../kernel/module.js';
import { feeRoutes } from './fee-routes.js';
import { matcherEntryPoint } from './matcher/matcher-entry-point.js';
import { tradingRoutes } from './routes.js';
import { tradingEngineOf } from './trading-engine.js';

// What other modules may use: the account-change announcement, the order view, and the
// account rules a portfolio is valued by.
export { ACCOUNT_CHANGED, type AccountChanged, type AccountSnapshot } from './account-changed.js';
export { toOrderView } from './order-view.js';
export type { CashAccount, Position } from './domain/order-model.js';
export { availableCash, availableQuantity } from './domain/reservations.js';
// For the Binance-compatible face (modules/binance): the engine's fee and slippage settings.
export { tradingConfig, type TradingConfig } from './domain/trading-config.js';
export { slippageFraction } from './domain/slippage.js';
// Read-only views the AI assistant's tools answer from (the caller's own rows only).
export { queryOrders, queryHistory } from './query-orders.js';
export { previewOrder, type OrderPreview } from './preview-order.js';
export { tradingEngineOf, type TradingEngine, type Balances, type OrderRange } from './trading-engine.js';
export type { PlacedOrder } from './place-order.js';

export const tradingModule: AppModule = {
  name: 'trading',
  async routes(app, ctx) {
    // One engine (and batcher) per process: every placement, from either face, joins its group commits.
    const { deps, batcher } = tradingEngineOf(ctx);
    // The fee rates are public: they sit outside the scope whose onRequest hook demands a token.
    await feeRoutes(app, deps.config);
    await app.register(async (scope) => tradingRoutes(scope, ctx, deps, batcher));
  },
  entryPoints: {
    projector: [matcherEntryPoint],
  },
};
