import { afterAll, describe } from 'vitest';
import { pino } from 'pino';
import { RUN_ID, service } from '../../testing/services.js';
import { describeCachePortContract } from './cache-port.contract.js';
import { RedisCache } from './redis-cache.js';
import { deleteKeysWithPrefix } from './delete-keys-with-prefix.js';

const redis = await service('redis');
const basePrefix = `cs-test:${RUN_ID}:cache`;

describe.skipIf(!redis.url)('RedisCache meets the cache port contract', () => {
  const url = redis.url ?? '';
  afterAll(async () => {
    await deleteKeysWithPrefix(url, basePrefix);
  });

  describeCachePortContract(
    (keyPrefix) => new RedisCache({ url, keyPrefix, logger: pino({ level: 'silent' }) }),
    basePrefix,
  );
});
