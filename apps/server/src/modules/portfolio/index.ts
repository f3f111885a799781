/**
 * Portfolio: the account at live prices, its equity curve and performance, and the reset
 * (api role); the minute equity snapshots (worker role). It listens to trading's account
 * changes (every role that trades) to drop the cached account and push /ws/portfolio.
 */
import type { AppModule } from '../../kernel/module.js';
import { ACCOUNT_CHANGED } from '../trading/index.js';
import { equitySnapshotEntryPoint } from './equity-snapshot-job.js';
import { publishPortfolio } from './publish-portfolio.js';
import { portfolioRoutes } from './routes.js';

// Read-only views the AI assistant's tools answer from.
export { cachedAccountSnapshot } from './account-snapshot.js';
export { valuePortfolio } from './value-portfolio.js';
export { getPerformance } from './get-performance.js';
// The user data stream of the Binance-compatible API reports resets as balanceUpdate.
export { balanceChannel, type BalanceChange } from './balance-changes.js';

export const portfolioModule: AppModule = {
  name: 'portfolio',
  routes: portfolioRoutes,
  listen(ctx) {
    const logger = ctx.logger.child({ module: 'portfolio' });
    ctx.announcements.listen(ACCOUNT_CHANGED, ({ userId, account }) => publishPortfolio(ctx.ports.cache, logger, userId, account));
  },
  entryPoints: {
    worker: [equitySnapshotEntryPoint],
  },
};
