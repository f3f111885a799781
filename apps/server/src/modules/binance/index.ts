/**
 * The Binance Spot–compatible face under /binance (docs/API.md): a bot written for Binance
 * changes only its base URL. Binance's paths, parameters, shapes, weights and error codes over
 * our own market data and the one trading engine.
 */
import type { AppModule, ModuleContext } from '../../kernel/module.js';
import { apiKeyAuthenticator } from '../accounts/index.js';
import { tradingConfig, tradingEngineOf } from '../trading/index.js';
import { tradeRoutes } from './orders/trade-routes.js';
import { configureBinanceScope } from './binance-scope.js';
import { publicMarketRoutes } from './market-data/public-routes.js';
import { marketStreams } from './streams/streams-ws.js';
import { REQUEST_WEIGHT_LIMIT, type RateLimit, UsageLimits } from './usage-limits.js';

export interface BinanceModuleOptions {
  /** Binance's 6000 a minute unless a test needs a smaller budget. */
  weightLimit?: RateLimit;
}

export function binanceModuleWith(options: BinanceModuleOptions = {}): AppModule {
  return {
    name: 'binance',
    async routes(app, ctx: ModuleContext) {
      const logger = ctx.logger.child({ module: 'binance' });
      const usage = new UsageLimits(ctx.ports.cache, options.weightLimit ?? REQUEST_WEIGHT_LIMIT);
      const slippage = tradingConfig(ctx.config.trading).slippage;
      await app.register(
        async (scope) => {
          configureBinanceScope(scope, logger);
          await publicMarketRoutes(scope, { ctx, usage, slippage });
          await marketStreams(scope, ctx, slippage, logger);
          await tradeRoutes(scope, { ctx, usage, engine: tradingEngineOf(ctx), authenticator: apiKeyAuthenticator(ctx) });
        },
        { prefix: '/binance' },
      );
    },
  };
}

export const binanceModule = binanceModuleWith();
