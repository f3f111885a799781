import type { AppModule } from '../kernel/module.js';
import { healthModule } from '../modules/health/index.js';
import { jobsModule } from '../modules/jobs/index.js';
import { accountsModule } from '../modules/accounts/index.js';
import { marketModule } from '../modules/market/index.js';
import { tradingModule } from '../modules/trading/index.js';
import { portfolioModule } from '../modules/portfolio/index.js';
import { aiModule } from '../modules/ai/index.js';
import { binanceModule } from '../modules/binance/index.js';
import { watchlistModule } from '../modules/watchlist/index.js';
import { alertsModule } from '../modules/alerts/index.js';

/** Every business module, in registration order. Add a module here and nowhere else. */
export const MODULES: AppModule[] = [jobsModule, accountsModule, marketModule, tradingModule, portfolioModule, aiModule, binanceModule, watchlistModule, alertsModule];

/** Registered in every app, whatever module list a test passes: the probes. */
export const PLATFORM_MODULES: AppModule[] = [healthModule];
