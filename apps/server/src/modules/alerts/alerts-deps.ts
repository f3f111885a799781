import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { DbPort } from '../../ports/db/db-port.js';
import type { SymbolRegistry } from '../market/index.js';

/** What the alert use cases need from the process. */
export interface AlertsDeps {
  db: DbPort;
  cache: CachePort;
  logger: Logger;
  symbols: SymbolRegistry;
}
