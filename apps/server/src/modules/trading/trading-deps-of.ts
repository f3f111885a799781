import type { ModuleContext } from '../../kernel/module.js';
import { tradingConfig } from './domain/trading-config.js';
import type { TradingDeps } from './trading-deps.js';

export function tradingDepsOf(ctx: ModuleContext): TradingDeps {
  return {
    db: ctx.ports.db.db,
    dbPort: ctx.ports.db,
    cache: ctx.ports.cache,
    symbols: () => ctx.ports.market.symbols,
    config: tradingConfig(ctx.config.trading),
    logger: ctx.logger.child({ module: 'trading' }),
    announcements: ctx.announcements,
  };
}
