import type { Logger } from 'pino';
import type { Announcements } from '../../kernel/announcements.js';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { Database, DbPort } from '../../ports/db/db-port.js';
import type { SymbolRegistry } from '../../ports/market/market-source.js';
import type { TradingConfig } from './domain/trading-config.js';

/** What the trading use cases run on; routes and the matcher build it from the ports. */
export interface TradingDeps {
  db: Database;
  /** The port's own transaction shapes and size, for the order batches. */
  dbPort: Pick<DbPort, 'lockThenWrite' | 'maxConnections'>;
  cache: CachePort;
  /** Looked up per call: MARKET_SOURCE=auto settles on its source (and registry) after start. */
  symbols(): SymbolRegistry;
  config: TradingConfig;
  logger: Logger;
  /** Where committed account changes are announced (ACCOUNT_CHANGED). */
  announcements: Announcements;
}
