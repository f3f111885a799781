/**
 * Balance changes that are not trades: today only the reset, which to a Binance client is a
 * withdrawal of what was held and a deposit of the initial balance. Published on the user's
 * `user.<id>.balance` channel (any replica's user data stream turns it into `balanceUpdate`).
 */
import type { CachePort } from '../../ports/cache/cache-port.js';

export interface BalanceChange {
  reason: 'reset';
  /** ISO time of the change's commit. */
  at: string;
  /** The change of USDT cash, a signed decimal string. */
  cashDelta: string;
  /** The change of each coin held before, by market symbol (a reset takes each to zero). */
  positions: Array<{ symbol: string; delta: string }>;
}

export function balanceChannel(userId: number): string {
  return `user.${userId}.balance`;
}

export async function publishBalanceChange(cache: CachePort, userId: number, change: BalanceChange): Promise<void> {
  await cache.publish(balanceChannel(userId), JSON.stringify(change));
}
