/**
 * Live events after a committed trading step: each changed order on /ws/orders, then the
 * account on /ws/portfolio. Sent from whichever process made the change (API or matcher)
 * through the cache's pub/sub, so the owner's socket on any replica receives them.
 *
 * The order events are sent, not awaited: the step is durable, a lost event is only logged,
 * and the caller's response should not wait for pub/sub. They are issued before the portfolio
 * (on one cache connection, in that order), so a client sees the order before its effect.
 */
import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { publishUserEvent } from '../accounts/index.js';
import { publishPortfolio, type AccountSnapshot } from '../portfolio/index.js';
import { toOrderView, type OrderRow } from './order-view.js';

export async function publishOrderChanges(cache: CachePort, logger: Logger, userId: number, changed: OrderRow[], account: AccountSnapshot | null): Promise<void> {
  for (const row of changed) {
    publishUserEvent(cache, userId, 'order', toOrderView(row)).catch((err: unknown) => {
      logger.warn({ err, userId, orderId: row.id }, 'order changed but its live event could not be published');
    });
  }
  if (account) await publishPortfolio(cache, logger, userId, account);
}
