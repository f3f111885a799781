import type { Logger } from 'pino';
import type { CachePort } from './cache-port.js';
import { MemoryCache } from './memory-cache.js';
import { RedisCache } from './redis-cache.js';

export interface CreateCacheOptions {
  /** Redis when given; the in-memory cache otherwise (embedded run mode). */
  redisUrl?: string;
  /** Namespaces every key and channel, e.g. `cryptosim` or a test run's id. */
  keyPrefix: string;
  logger: Logger;
}

/** Never throws for an unreachable Redis: the cache reports it through health() and reconnects. */
export function createCache({ redisUrl, keyPrefix, logger }: CreateCacheOptions): CachePort {
  if (redisUrl) return new RedisCache({ url: redisUrl, keyPrefix, logger });
  return new MemoryCache(logger);
}
