/**
 * Portfolio: the account at live prices, its equity curve and performance, and the reset
 * (api role); the minute equity snapshots (worker role). Trading calls publishPortfolio
 * after every balance change it commits.
 */
import type { AppModule } from '../../kernel/module.js';
import { equitySnapshotEntryPoint } from './equity-snapshot-job.js';
import { portfolioRoutes } from './routes.js';

export { publishPortfolio } from './publish-portfolio.js';
export { invalidatePortfolio, type AccountSnapshot } from './account-snapshot.js';

export const portfolioModule: AppModule = {
  name: 'portfolio',
  routes: portfolioRoutes,
  entryPoints: {
    worker: [equitySnapshotEntryPoint],
  },
};
