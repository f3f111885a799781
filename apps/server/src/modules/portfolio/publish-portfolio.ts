/**
 * After every committed balance change: drop the cached state and push the new portfolio to
 * the owner's sockets on every API replica. The change is already durable, so a cache
 * outage here is logged, never turned into a failed order.
 *
 * Only the invalidation is awaited: a GET /api/portfolio after the order's response must not
 * read the state from before it. Valuing the account (a ticker read per held symbol, the
 * decimal sums) and publishing it run after the response, only while the user has a socket
 * listening, and a user's steps that land in the same event-loop turn publish once, with the
 * newest state: the socket shows the portfolio, not a diff, so the last one is all a client needs.
 */
import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { publishUserEvent, userChannel } from '../accounts/index.js';
import { invalidatePortfolio, type AccountSnapshot } from './account-snapshot.js';
import { valuePortfolio } from './value-portfolio.js';

/** Per cache port (one per process, several in tests): the newest unpublished state per user. */
const pending = new WeakMap<CachePort, Map<number, AccountSnapshot>>();

async function valueAndPublish(cache: CachePort, logger: Logger, userId: number, account: AccountSnapshot): Promise<void> {
  try {
    // Valuing reads a ticker per held symbol and sums in decimals: not for an empty room.
    if (!(await cache.hasSubscribers(userChannel(userId, 'portfolio')))) return;
    await publishUserEvent(cache, userId, 'portfolio', await valuePortfolio(cache, account));
  } catch (err) {
    logger.warn({ err, userId }, 'portfolio changed but its live event could not be published');
  }
}

function schedulePublication(cache: CachePort, logger: Logger, userId: number, account: AccountSnapshot): void {
  let byUser = pending.get(cache);
  if (!byUser) pending.set(cache, (byUser = new Map()));
  const queued = byUser.has(userId);
  byUser.set(userId, account);
  if (queued) return;
  setImmediate(() => {
    const newest = byUser.get(userId)!;
    byUser.delete(userId);
    void valueAndPublish(cache, logger, userId, newest);
  });
}

export async function publishPortfolio(cache: CachePort, logger: Logger, userId: number, account: AccountSnapshot): Promise<void> {
  try {
    await invalidatePortfolio(cache, userId);
  } catch (err) {
    logger.warn({ err, userId }, 'portfolio changed but its cache entry could not be dropped');
  }
  schedulePublication(cache, logger, userId, account);
}
