/**
 * The per-process revocation check: announcements are heard at once, and a busy session costs
 * one cache read per few seconds instead of one per request. Two checks over one cache stand for
 * two processes over one Redis.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { eventually } from '../../ports/cache/cache-port.contract.js';
import { MemoryCache } from '../../ports/cache/memory-cache.js';
import { announceRevoked, RevocationCheck } from './session-revocation.js';

const silent = pino({ level: 'silent' });

describe('RevocationCheck', () => {
  const cache = new MemoryCache(silent);
  let reads = 0;
  const get = cache.get.bind(cache);
  cache.get = async (key: string) => {
    reads += 1;
    return get(key);
  };
  afterAll(() => cache.close());

  it('when one session makes many requests, then the revocation list is read once, not per request', async () => {
    const check = new RevocationCheck(cache);
    reads = 0;
    for (let i = 0; i < 100; i++) expect(await check.isRevoked('busy-session', silent)).toBe(false);
    expect(reads).toBe(1);
  });

  it('when another process revokes a session this one has just checked, then this one refuses it as soon as the announcement arrives', async () => {
    const here = new RevocationCheck(cache);
    expect(await here.isRevoked('laptop', silent)).toBe(false);
    expect(await here.isRevoked('phone', silent)).toBe(false);
    await announceRevoked(cache, silent, ['laptop']);
    await eventually('the announcement is heard', () => here.isRevoked('laptop', silent), 5_000);
    expect(await here.isRevoked('phone', silent), 'other sessions keep working').toBe(false);
  });

  it('when a session was revoked before this process listened, then the list in the cache still refuses it', async () => {
    await announceRevoked(cache, silent, ['old-session']);
    const late = new RevocationCheck(cache);
    expect(await late.isRevoked('old-session', silent)).toBe(true);
  });

  it('when a remembered answer is older than a few seconds, then the list is read again (an announcement lost in a reconnect is seen then)', async () => {
    let now = 0;
    const check = new RevocationCheck(cache, () => now);
    expect(await check.isRevoked('quiet', silent)).toBe(false);
    // Revoked in the cache without this process hearing it.
    await cache.set('session-revoked:quiet', '1', 60_000);
    expect(await check.isRevoked('quiet', silent), 'within the few seconds: the remembered answer').toBe(false);
    now += 5_001;
    expect(await check.isRevoked('quiet', silent)).toBe(true);
  });
});
