/**
 * The behaviour every CachePort must have. Run it from each implementation's test file:
 * `describeCachePortContract((prefix) => new XCache(...))`.
 */
import { afterEach, expect, it } from 'vitest';
import { eventually } from '../../testing/eventually.js';
import type { CachePort } from './cache-port.js';

export type MakeCache = (keyPrefix: string) => CachePort | Promise<CachePort>;

// Re-exported for the suites that still import it from here; new code imports testing/eventually.
export { eventually };

export function describeCachePortContract(makeCache: MakeCache, basePrefix: string): void {
  const open: CachePort[] = [];
  let n = 0;
  const fresh = async (prefix = `${basePrefix}:${++n}`) => {
    const cache = await makeCache(prefix);
    open.push(cache);
    return cache;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });

  it('when a key is set, get returns it until it is deleted', async () => {
    const cache = await fresh();
    expect(await cache.get('missing'), 'a key never set reads as null').toBeNull();
    await cache.set('a', 'one');
    await cache.set('b', 'two');
    expect(await cache.get('a')).toBe('one');
    await cache.set('a', 'uno');
    expect(await cache.get('a'), 'set overwrites').toBe('uno');
    await cache.del('a', 'b', 'never-existed');
    expect([await cache.get('a'), await cache.get('b')], 'del removes every key given').toEqual([null, null]);
  });

  it('when a key is set with a TTL, it disappears after the TTL and a plain set keeps it', async () => {
    const cache = await fresh();
    await cache.set('long', 'v', 60_000);
    await cache.set('short', 'v', 50);
    await cache.set('kept', 'v', 50);
    await cache.set('kept', 'w');
    expect(await cache.get('long'), 'readable before its TTL').toBe('v');
    await eventually('the short-TTL key expires', async () => (await cache.get('short')) === null);
    expect(await cache.get('kept'), 'a set without TTL clears the earlier TTL').toBe('w');
  });

  it('when hset is called twice, hgetall returns the merged fields', async () => {
    const cache = await fresh();
    expect(await cache.hgetall('h'), 'a missing hash reads as {}').toEqual({});
    await cache.hset('h', { a: '1', b: '2' });
    await cache.hset('h', { b: '3', c: '4' });
    expect(await cache.hgetall('h')).toEqual({ a: '1', b: '3', c: '4' });
  });

  it('when incrWindow is hit repeatedly, it counts within the window and reports the time left', async () => {
    const cache = await fresh();
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await cache.incrWindow('rate', 60_000));
    expect(hits.map((h) => h.count)).toEqual([1, 2, 3]);
    for (const { resetMs } of hits) {
      expect(resetMs, 'resetMs lies inside the window').toBeGreaterThan(0);
      expect(resetMs).toBeLessThanOrEqual(60_000);
    }
    expect(await cache.incrWindow('other', 60_000), 'each key has its own window').toMatchObject({ count: 1 });
  });

  it('when incrWindow is given a weight, then it adds that weight to the window', async () => {
    const cache = await fresh();
    expect((await cache.incrWindow('weighted', 60_000, 20)).count, 'the first hit counts its weight').toBe(20);
    expect((await cache.incrWindow('weighted', 60_000, 5)).count, 'later hits add theirs').toBe(25);
    expect((await cache.incrWindow('weighted', 60_000)).count, 'no weight counts one').toBe(26);
    expect((await cache.incrWindow('weighted', 60_000)).resetMs, 'the window keeps its end').toBeGreaterThan(0);
  });

  it('when the window ends, incrWindow starts counting again from 1', async () => {
    const cache = await fresh();
    expect((await cache.incrWindow('w', 200)).count, 'the first hit opens a window').toBe(1);
    // Hit until two hits share a window (a slow machine may need a few tries), then until it resets.
    await eventually('two hits land in one window', async () => (await cache.incrWindow('w', 200)).count >= 2);
    await eventually('a new window starts from 1', async () => (await cache.incrWindow('w', 200)).count === 1);
  });

  it('when a message is published, a subscriber of that channel receives it with the channel name', async () => {
    const cache = await fresh();
    const got: Array<[string, string]> = [];
    await cache.subscribe('prices.BTCUSDT', (message, channel) => got.push([message, channel]));
    await cache.publish('prices.BTCUSDT', 'first');
    await cache.publish('prices.BTCUSDT', 'second');
    await eventually('both messages arrive', () => got.length === 2);
    expect(got, 'in publish order, channel without prefix').toEqual([
      ['first', 'prices.BTCUSDT'],
      ['second', 'prices.BTCUSDT'],
    ]);
  });

  it('when a subscriber unsubscribes, it receives nothing more while others still do', async () => {
    const cache = await fresh();
    const leaving: string[] = [];
    const staying: string[] = [];
    const other: string[] = [];
    const unsubscribeLeaving = await cache.subscribe('ch', (m) => leaving.push(m));
    await cache.subscribe('ch', (m) => staying.push(m));
    const unsubscribeAlone = await cache.subscribe('alone', (m) => other.push(m));
    await unsubscribeLeaving();
    await unsubscribeAlone();
    const marker: string[] = [];
    await cache.subscribe('marker', (m) => marker.push(m));
    await cache.publish('alone', 'after-unsubscribe');
    await cache.publish('ch', 'after-unsubscribe');
    await cache.publish('marker', 'done');
    // Messages arrive in publish order, so once the marker is in, anything earlier would be too.
    await eventually('the marker arrives', () => marker.length === 1 && staying.length === 1);
    expect(leaving, 'an unsubscribed handler gets nothing').toEqual([]);
    expect(other, 'a channel with no handlers left delivers nothing').toEqual([]);
    expect(staying, 'the remaining handler still receives').toEqual(['after-unsubscribe']);
  });

  it('when a channel gains and loses subscribers, then hasSubscribers follows, per channel and per prefix', async () => {
    const cache = await fresh();
    const other = await fresh(`${basePrefix}:subs-other`);
    expect(await cache.hasSubscribers('user.1.portfolio')).toBe(false);
    const first = await cache.subscribe('user.1.portfolio', () => undefined);
    const second = await cache.subscribe('user.1.portfolio', () => undefined);
    expect(await cache.hasSubscribers('user.1.portfolio')).toBe(true);
    expect(await cache.hasSubscribers('user.2.portfolio'), 'another channel').toBe(false);
    expect(await other.hasSubscribers('user.1.portfolio'), 'the same channel under another prefix').toBe(false);
    await first();
    expect(await cache.hasSubscribers('user.1.portfolio'), 'one subscriber is left').toBe(true);
    await second();
    expect(await cache.hasSubscribers('user.1.portfolio')).toBe(false);
  });

  it('when two caches have different prefixes, they see neither each other’s keys nor channels', async () => {
    const a = await fresh(`${basePrefix}:iso-a`);
    const b = await fresh(`${basePrefix}:iso-b`);
    await a.set('k', 'from-a');
    await a.hset('h', { f: 'a' });
    expect(await b.get('k'), 'b does not read a’s key').toBeNull();
    expect(await b.hgetall('h')).toEqual({});
    await b.set('k', 'from-b');
    expect(await a.get('k'), 'b’s write does not touch a’s key').toBe('from-a');
    const gotA: string[] = [];
    const gotB: string[] = [];
    await a.subscribe('ch', (m) => gotA.push(m));
    await b.subscribe('ch', (m) => gotB.push(m));
    await a.publish('ch', 'from-a');
    await eventually('a receives its own message', () => gotA.length === 1);
    await b.publish('ch', 'from-b');
    await eventually('b receives its own message', () => gotB.length === 1);
    expect(gotA).toEqual(['from-a']);
    expect(gotB, 'b never received a’s message').toEqual(['from-b']);
  });

  it('when the backend is reachable, health is ok', async () => {
    const cache = await fresh();
    await cache.set('probe', '1'); // a connection-based cache may still be connecting right after creation
    expect(await cache.health()).toEqual({ impl: cache.impl, ok: true });
  });
}
