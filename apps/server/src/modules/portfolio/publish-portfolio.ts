/**
 * After every committed balance change: drop the cached state and push the new portfolio to
 * the owner's sockets on every API replica. The change is already durable, so a cache
 * outage here is logged, never turned into a failed order.
 */
import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { publishUserEvent } from '../accounts/index.js';
import { invalidatePortfolio, type AccountSnapshot } from './account-snapshot.js';
import { valuePortfolio } from './value-portfolio.js';

export async function publishPortfolio(cache: CachePort, logger: Logger, userId: number, account: AccountSnapshot): Promise<void> {
  try {
    await invalidatePortfolio(cache, userId);
    await publishUserEvent(cache, userId, 'portfolio', await valuePortfolio(cache, account));
  } catch (err) {
    logger.warn({ err, userId }, 'portfolio changed but its cache entry or live event could not be updated');
  }
}
