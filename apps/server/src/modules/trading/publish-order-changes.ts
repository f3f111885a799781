/**
 * Live events after a committed trading step: each changed order on /ws/orders, then the
 * account change announced (the portfolio module pushes /ws/portfolio from it). Sent from whichever process made the change (API or matcher)
 * through the cache's pub/sub, so the owner's socket on any replica receives them.
 *
 * The order events are sent, not awaited: the step is durable, a lost event is only logged,
 * and the caller's response should not wait for pub/sub. They are issued before the account
 * announcement (on one cache connection, in that order), so a client sees the order before its effect.
 */
import { publishUserEvent } from '../accounts/index.js';
import { ACCOUNT_CHANGED, type AccountSnapshot } from './account-changed.js';
import { toOrderView, type OrderRow } from './order-view.js';
import type { TradingDeps } from './trading-deps.js';

export async function publishOrderChanges(
  { cache, logger, announcements }: Pick<TradingDeps, 'cache' | 'logger' | 'announcements'>,
  userId: number,
  changed: OrderRow[],
  account: AccountSnapshot | null,
): Promise<void> {
  for (const row of changed) {
    publishUserEvent(cache, userId, 'order', toOrderView(row)).catch((err: unknown) => {
      logger.warn({ err, userId, orderId: row.id }, 'order changed but its live event could not be published');
    });
  }
  if (account) await announcements.announce(ACCOUNT_CHANGED, { userId, account });
}
