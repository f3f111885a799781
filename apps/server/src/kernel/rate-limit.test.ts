import Fastify, { type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from './error-handler.js';
import { MemoryCache } from '../ports/cache/memory-cache.js';
import { RateLimiter, type RateRule } from './rate-limit.js';

const rule = (name: string, whenCacheFails: RateRule['whenCacheFails']): RateRule => ({
  name,
  max: 2,
  windowMs: 60_000,
  key: (r) => r.ip,
  whenCacheFails,
});

describe('RateLimiter', () => {
  let app: FastifyInstance;
  const cache = new MemoryCache();
  beforeAll(async () => {
    app = Fastify();
    registerErrorHandling(app);
    const limiter = new RateLimiter(cache, pino({ level: 'silent' }));
    app.get('/open', { preHandler: limiter.hook([rule('open', 'allow')]) }, async () => 'ok');
    app.get('/strict', { preHandler: limiter.hook([rule('strict', 'refuse')]) }, async () => 'ok');
    await app.ready();
  });
  afterAll(async () => app.close());

  it('when a client exceeds the limit, then 429 RATE_LIMITED with Retry-After in whole seconds within the window', async () => {
    expect((await app.inject('/open')).statusCode).toBe(200);
    expect((await app.inject('/open')).statusCode).toBe(200);
    const third = await app.inject('/open');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('RATE_LIMITED');
    expect(third.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
    expect(Number(third.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('when the cache is down, then a general limit lets requests through and a credential limit answers 503', async () => {
    await cache.close(); // every incrWindow now throws
    expect((await app.inject('/open')).statusCode).toBe(200);
    const strict = await app.inject('/strict');
    expect(strict.statusCode).toBe(503);
    expect(strict.json().code).toBe('SERVICE_UNAVAILABLE');
    expect(strict.headers['retry-after']).toBe('5');
  });
});
