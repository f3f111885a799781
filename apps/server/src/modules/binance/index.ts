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
import { binanceStreams } from './streams/streams-ws.js';
import { REQUEST_WEIGHT_LIMIT, type RateLimit, UsageLimits } from './usage-limits.js';
import { LISTEN_KEY_VALIDITY_MS, ListenKeys } from './user-data/listen-keys.js';
import { openUserDataFeed } from './user-data/user-data-feed.js';
import { userDataRoutes } from './user-data/user-data-routes.js';

export interface BinanceModuleOptions {
  /** Binance's 6000 a minute unless a test needs a smaller budget. */
  weightLimit?: RateLimit;
  /** Binance's 60 minutes unless a test needs to see a listen key expire. */
  listenKeyValidityMs?: number;
}

export function binanceModuleWith(options: BinanceModuleOptions = {}): AppModule {
  return {
    name: 'binance',
    async routes(app, ctx: ModuleContext) {
      const logger = ctx.logger.child({ module: 'binance' });
      const usage = new UsageLimits(ctx.ports.cache, options.weightLimit ?? REQUEST_WEIGHT_LIMIT);
      const slippage = tradingConfig(ctx.config.trading).slippage;
      const engine = tradingEngineOf(ctx);
      const authenticator = apiKeyAuthenticator(ctx);
      const listenKeys = new ListenKeys(ctx.ports.cache, options.listenKeyValidityMs ?? LISTEN_KEY_VALIDITY_MS);
      const feedDeps = {
        cache: ctx.ports.cache,
        listenKeys,
        authenticator,
        engine,
        baseAsset: (symbol: string) => ctx.ports.market.symbols.get(symbol)?.baseAsset,
        logger,
      };
      await app.register(
        async (scope) => {
          configureBinanceScope(scope, logger);
          await publicMarketRoutes(scope, { ctx, usage, slippage });
          await binanceStreams(scope, ctx, slippage, logger, (listenKey, sink) => openUserDataFeed(feedDeps, listenKey, sink));
          await tradeRoutes(scope, { ctx, usage, engine, authenticator });
          userDataRoutes(scope, { usage, authenticator, listenKeys });
        },
        { prefix: '/binance' },
      );
    },
  };
}

export const binanceModule = binanceModuleWith();
