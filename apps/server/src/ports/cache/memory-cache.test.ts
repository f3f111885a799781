import { describe } from 'vitest';
import { pino } from 'pino';
import { describeCachePortContract } from './cache-port.contract.js';
import { MemoryCache } from './memory-cache.js';

describe('MemoryCache meets the cache port contract', () => {
  describeCachePortContract(() => new MemoryCache(pino({ level: 'silent' })), 'memory');
});
