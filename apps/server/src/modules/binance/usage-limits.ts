/**
 * Binance's usage limits and headers: request weight per client address per minute
 * (`X-MBX-USED-WEIGHT-1M`, limit 6000, -1003 with 429 and Retry-After past it) and new orders
 * per account (`X-MBX-ORDER-COUNT-10S` / `-1D`, 100 per 10 s and 200,000 per day, -1015).
 * Counted on the cache port, so every API replica shares one count.
 */
import type { CachePort } from '../../ports/cache/cache-port.js';
import { BinanceError } from './binance-error.js';

export interface RateLimit {
  rateLimitType: 'REQUEST_WEIGHT' | 'ORDERS' | 'RAW_REQUESTS';
  interval: 'SECOND' | 'MINUTE' | 'DAY';
  intervalNum: number;
  limit: number;
  /** The header that reports the count, Binance's name. */
  header: string;
  windowMs: number;
}

export const REQUEST_WEIGHT_LIMIT: RateLimit = {
  rateLimitType: 'REQUEST_WEIGHT',
  interval: 'MINUTE',
  intervalNum: 1,
  limit: 6000,
  header: 'x-mbx-used-weight-1m',
  windowMs: 60_000,
};

export const ORDER_LIMITS: readonly RateLimit[] = [
  { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100, header: 'x-mbx-order-count-10s', windowMs: 10_000 },
  { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200_000, header: 'x-mbx-order-count-1d', windowMs: 86_400_000 },
];

/** What exchangeInfo lists (Binance's `rateLimits`, without our own fields). */
export function publicRateLimits(weight: RateLimit = REQUEST_WEIGHT_LIMIT) {
  return [weight, ...ORDER_LIMITS].map(({ rateLimitType, interval, intervalNum, limit }) => ({ rateLimitType, interval, intervalNum, limit }));
}

const seconds = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));

export class UsageLimits {
  constructor(
    private readonly cache: CachePort,
    readonly weight: RateLimit = REQUEST_WEIGHT_LIMIT,
  ) {}

  /**
   * Adds `weight` to the address's minute and returns the headers to send. Over the limit the
   * request is refused with -1003; the headers then still report the count.
   */
  async spendWeight(address: string, weight: number): Promise<Record<string, string>> {
    let counted: { count: number; resetMs: number };
    try {
      counted = await this.cache.incrWindow(`binance:weight:${address}`, this.weight.windowMs, weight);
    } catch {
      // The cache is down: keep serving (like the general limit) rather than refuse every bot.
      return {};
    }
    const headers = { [this.weight.header]: String(counted.count) };
    if (counted.count > this.weight.limit) {
      throw new BinanceError(
        -1003,
        `Too much request weight used; current limit is ${this.weight.limit} request weight per ${this.weight.intervalNum} ${this.weight.interval}. Please use WebSocket Streams for live updates to avoid polling the API.`,
        429,
        { ...headers, 'retry-after': seconds(counted.resetMs) },
      );
    }
    return headers;
  }

  /** Counts one new order for the account in each window; -1015 past a limit. */
  async countOrder(accountKey: string): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    let over: { limit: RateLimit; resetMs: number } | undefined;
    // Both windows at once: one round trip's wait, not two, on every order.
    const counts = await Promise.all(ORDER_LIMITS.map((limit) => this.cache.incrWindow(`binance:orders:${limit.intervalNum}${limit.interval}:${accountKey}`, limit.windowMs).catch(() => undefined)));
    ORDER_LIMITS.forEach((limit, i) => {
      const counted = counts[i];
      if (!counted) return;
      headers[limit.header] = String(counted.count);
      if (counted.count > limit.limit && !over) over = { limit, resetMs: counted.resetMs };
    });
    if (over) {
      const { limit } = over;
      throw new BinanceError(-1015, `Too many new orders; current limit is ${limit.limit} orders per ${limit.intervalNum} ${limit.interval}.`, 429, {
        ...headers,
        'retry-after': seconds(over.resetMs),
      });
    }
    return headers;
  }
}
