import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { Database } from '../../ports/db/db-port.js';

/** What the account use cases need; routes build it once from the module context. */
export interface AccountsDeps {
  db: Database;
  cache: CachePort;
  jwtSecret: string;
  logger: Pick<Logger, 'info' | 'warn'>;
}
