import type { AlertFrame, OrderFrame, PortfolioFrame } from '@cryptosim/contracts';
import type { CachePort } from '../../ports/cache/cache-port.js';

/** What a user's sockets receive: `order` on /ws/orders, `portfolio` on /ws/portfolio, `alert` on /ws/alerts. */
export type UserEventKind = 'order' | 'portfolio' | 'alert';

const CHANNEL_SUFFIX: Record<UserEventKind, string> = { order: 'orders', portfolio: 'portfolio', alert: 'alerts' };

/** The cache pub/sub channel of one user's events: `user.<id>.orders` / `user.<id>.portfolio`. */
export function userChannel(userId: number, kind: UserEventKind): string {
  return `user.${userId}.${CHANNEL_SUFFIX[kind]}`;
}

/**
 * Pushes an event to every socket of the user on any API replica (Redis pub/sub with the
 * services, in-process embedded). `data` is the Order or Portfolio as the REST API returns it.
 */
export async function publishUserEvent<K extends UserEventKind>(
  cache: CachePort,
  userId: number,
  kind: K,
  data: Extract<OrderFrame | PortfolioFrame | AlertFrame, { type: K }>['data'],
): Promise<void> {
  const frame = { type: kind, data } as Extract<OrderFrame | PortfolioFrame | AlertFrame, { type: K }>;
  await cache.publish(userChannel(userId, kind), JSON.stringify(frame));
}
