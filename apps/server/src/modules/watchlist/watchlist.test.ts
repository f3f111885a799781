/**
 * /api/watchlist through buildApp + inject on PGlite and on PostgreSQL + Redis: auth, validation,
 * unknown symbols, idempotent star and unstar, owner isolation, the per-user limit (also when two
 * stars race for the last place) and removal of a star the server no longer lists.
 */
import { MAX_WATCHLIST_SYMBOLS, type WatchlistResponse } from '@cryptosim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchlistSymbols } from '../../db/schema.js';
import { bearer, expectProblem, registerUser, type TestUser } from '../accounts/testing/clients.js';
import { startTestApp, testBackends, type TestApp, type TestStorage } from '../../testing/test-app.js';
import { watchlistModule } from './index.js';

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`watchlist on ${backend.name}`, () => {
    let storage: TestStorage;
    let t: TestApp;

    beforeAll(async () => {
      storage = await backend.open();
      t = await startTestApp({ on: storage, modules: [watchlistModule] });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      await storage?.close();
    });

    const put = (user: TestUser, symbol: string) => t.app.inject({ method: 'PUT', url: `/api/watchlist/${symbol}`, headers: bearer(user.accessToken) });
    const del = (user: TestUser, symbol: string) => t.app.inject({ method: 'DELETE', url: `/api/watchlist/${symbol}`, headers: bearer(user.accessToken) });
    const list = async (user: TestUser) => {
      const res = await t.app.inject({ url: '/api/watchlist', headers: bearer(user.accessToken) });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as WatchlistResponse).symbols;
    };
    /** Stars `count` symbols the server does not list, straight in the table (the market has only 10). */
    const fillWithUnlisted = (user: TestUser, count: number) =>
      storage.db.db.insert(watchlistSymbols).values(Array.from({ length: count }, (_, i) => ({ userId: user.user.id, symbol: `OLD${i}USDT` })));

    it('when no token is sent, then every route is 401 UNAUTHORIZED', async () => {
      for (const [method, url] of [['GET', '/api/watchlist'], ['PUT', '/api/watchlist/BTCUSDT'], ['DELETE', '/api/watchlist/BTCUSDT']] as const) {
        expectProblem(await t.app.inject({ method, url }), 401, 'UNAUTHORIZED');
      }
    });

    it('when a user stars symbols, then the list holds them oldest first, and starring again changes nothing', async () => {
      const me = await registerUser(t.app);
      expect(await list(me)).toEqual([]);
      const first = await put(me, 'ETHUSDT');
      expect(first.statusCode, first.body).toBe(200);
      expect((first.json() as WatchlistResponse).symbols).toEqual(['ETHUSDT']);
      expect((await put(me, 'BTCUSDT')).json()).toEqual({ symbols: ['ETHUSDT', 'BTCUSDT'] });
      const again = await put(me, 'ETHUSDT');
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toEqual({ symbols: ['ETHUSDT', 'BTCUSDT'] });
    });

    it('when the same symbol is starred by concurrent requests, then all succeed and it is stored once', async () => {
      const me = await registerUser(t.app);
      const replies = await Promise.all(Array.from({ length: 5 }, () => put(me, 'SOLUSDT')));
      expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
      expect(await list(me)).toEqual(['SOLUSDT']);
    });

    it('when a user unstars, then the symbol leaves the list, and unstarring again is still 200', async () => {
      const me = await registerUser(t.app);
      await put(me, 'BTCUSDT');
      await put(me, 'XRPUSDT');
      const removed = await del(me, 'BTCUSDT');
      expect(removed.statusCode, removed.body).toBe(200);
      expect(removed.json()).toEqual({ symbols: ['XRPUSDT'] });
      expect((await del(me, 'BTCUSDT')).json()).toEqual({ symbols: ['XRPUSDT'] });
      expect(await list(me)).toEqual(['XRPUSDT']);
    });

    it("when two users star, then each sees only their own list", async () => {
      const [alice, bob] = [await registerUser(t.app), await registerUser(t.app)];
      await put(alice, 'DOGEUSDT');
      await put(bob, 'ADAUSDT');
      await del(bob, 'DOGEUSDT');
      expect(await list(alice)).toEqual(['DOGEUSDT']);
      expect(await list(bob)).toEqual(['ADAUSDT']);
    });

    it('when the symbol is malformed, then 400 VALIDATION_FAILED; when it is well-formed but not listed, then 404 UNKNOWN_SYMBOL', async () => {
      const me = await registerUser(t.app);
      const lower = expectProblem(await put(me, 'btcusdt'), 400, 'VALIDATION_FAILED');
      expect(lower.errors).toEqual([expect.objectContaining({ path: expect.stringContaining('symbol') })]);
      expectProblem(await put(me, 'BTC-USDT'), 400, 'VALIDATION_FAILED');
      expectProblem(await del(me, 'x'), 400, 'VALIDATION_FAILED');
      const unknown = expectProblem(await put(me, 'NOPEUSDT'), 404, 'UNKNOWN_SYMBOL');
      expect(unknown.detail).toContain('NOPEUSDT');
      expect(await list(me)).toEqual([]);
    });

    it(`when a user holds ${MAX_WATCHLIST_SYMBOLS} stars, then another is 409 WATCHLIST_FULL, a starred one is still 200, and after a removal it fits`, async () => {
      const me = await registerUser(t.app);
      await fillWithUnlisted(me, MAX_WATCHLIST_SYMBOLS - 1);
      expect((await put(me, 'BTCUSDT')).statusCode).toBe(200);
      const full = expectProblem(await put(me, 'ETHUSDT'), 409, 'WATCHLIST_FULL');
      expect(full.detail).toContain(String(MAX_WATCHLIST_SYMBOLS));
      expect((await put(me, 'BTCUSDT')).statusCode, 'already starred: idempotent even when full').toBe(200);
      expect(await list(me), 'stars of symbols the server does not list are not shown').toEqual(['BTCUSDT']);
      expect((await del(me, 'OLD0USDT')).statusCode, 'an unlisted star can be removed').toBe(200);
      expect((await put(me, 'ETHUSDT')).json()).toEqual({ symbols: ['BTCUSDT', 'ETHUSDT'] });
    });

    it('when two stars race for the last place, then exactly one gets it', async () => {
      const me = await registerUser(t.app);
      await fillWithUnlisted(me, MAX_WATCHLIST_SYMBOLS - 1);
      const replies = await Promise.all([put(me, 'BNBUSDT'), put(me, 'TRXUSDT'), put(me, 'LINKUSDT')]);
      expect(replies.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
      expect(await list(me)).toHaveLength(1);
    });
  });
}
