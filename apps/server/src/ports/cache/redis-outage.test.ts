/**
 * Redis goes away and comes back: the cache must report it, fail calls fast, never crash
 * the process, and recover by itself (pub/sub included). Uses its own redis-server, so it
 * runs wherever the binary is installed, with or without REDIS_URL.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { freePort, RedisProcess, redisServerMissingReason } from '../../testing/redis-process.js';
import { unavailable } from '../../testing/services.js';
import { eventually } from '../../testing/eventually.js';
import type { CachePort } from './cache-port.js';
import { createCache } from './create-cache.js';

const missingReason = redisServerMissingReason();
const missing = missingReason ? unavailable('Redis outage', missingReason) : undefined;

const logger = pino({ level: 'silent' });

describe.skipIf(missing)('RedisCache through a Redis outage', () => {
  const crashes: unknown[] = [];
  const record = (err: unknown) => crashes.push(err);
  let server: RedisProcess | undefined;
  let cache: CachePort | undefined;

  beforeAll(() => {
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
  });
  afterAll(() => {
    process.off('unhandledRejection', record);
    process.off('uncaughtException', record);
  });
  afterEach(async () => {
    try {
      await cache?.close();
    } finally {
      await server?.stop();
    }
    expect(crashes, 'nothing went unhandled during the outage').toEqual([]);
  });

  it('when Redis stops, health turns not-ok and calls reject; when it returns, all recovers', async () => {
    server = await RedisProcess.start();
    cache = createCache({ redisUrl: server.url, keyPrefix: 'outage', logger });
    await cache.set('k', 'v');
    expect(await cache.health()).toEqual({ impl: 'redis', ok: true });
    const received: string[] = [];
    await cache.subscribe('ch', (m) => received.push(m));

    await server.stop();
    await eventually('health reports the outage', async () => !(await cache!.health()).ok);
    const down = await cache.health();
    expect(down.impl).toBe('redis');
    expect(down.error, 'a short, single-line reason').toMatch(/^redis \w+/);
    expect(down.error!.length).toBeLessThan(200);
    await expect(cache.get('k'), 'a call during the outage rejects instead of hanging').rejects.toThrow();
    await expect(cache.publish('ch', 'lost')).rejects.toThrow();

    await server.start();
    await eventually('health recovers without help', async () => (await cache!.health()).ok, 15_000);
    await cache.set('k', 'again');
    expect(await cache.get('k'), 'commands work after recovery').toBe('again');
    // The subscriber connection reconnects on its own schedule, so publish until it is back.
    await eventually(
      'the pre-outage subscription receives a post-recovery message',
      async () => {
        await cache!.publish('ch', 'after-recovery');
        await new Promise((r) => setTimeout(r, 100));
        return received.includes('after-recovery');
      },
      15_000,
    );
    expect(received, 'nothing published during the outage shows up').not.toContain('lost');
  });

  it('when Redis is down at creation, the cache does not throw and becomes healthy once Redis starts', async () => {
    const port = await freePort();
    cache = createCache({ redisUrl: `redis://127.0.0.1:${port}`, keyPrefix: 'late', logger });
    const early = await cache.health();
    expect(early.ok, 'not healthy before Redis exists').toBe(false);
    await expect(cache.get('k'), 'calls reject while Redis is absent').rejects.toThrow();

    server = await RedisProcess.start(port);
    await eventually('health turns ok once Redis starts', async () => (await cache!.health()).ok, 15_000);
    await cache.set('k', 'v');
    expect(await cache.get('k')).toBe('v');
  });
});
