import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from './access-token.js';
import { hashRefreshToken } from './refresh-token.js';
import { startTestApp, TEST_JWT_SECRET, testBackends, type TestApp, type TestStorage } from '../../testing/test-app.js';
import { bearer, expectProblem, login, registerUser, type TestUser } from './testing/clients.js';

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const partsOf = (token: string) => token.split('.') as [string, string, string];
const payloadOf = (token: string) => JSON.parse(Buffer.from(partsOf(token)[1], 'base64url').toString()) as Record<string, unknown>;

function hs(alg: 'sha256' | 'sha512', secret: string, header: object, payload: object): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac(alg, secret).update(body).digest('base64url')}`;
}

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`tokens on ${backend.name}`, () => {
    let storage: TestStorage;
    let test: TestApp;
    let app: FastifyInstance;
    let alice: TestUser;
    let bob: TestUser;
    beforeAll(async () => {
      storage = await backend.open();
      test = await startTestApp({ on: storage });
      app = test.app;
      [alice, bob] = [await registerUser(app), await registerUser(app)];
    });
    afterAll(async () => {
      await test?.close();
      await storage?.close();
    });

    const me = (headers: Record<string, string>) => app.inject({ url: '/api/auth/me', headers });
    const refresh = (refreshToken: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
    /** The same refresh from another client (address), which the grace window does not cover. */
    const refreshFrom = (refreshToken: string, ip: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { 'x-forwarded-for': ip }, payload: { refreshToken } });

    describe('access tokens', () => {
      it('when the token is genuine, then /me answers 200 (the baseline the refusals below differ from)', async () => {
        expect((await me(bearer(alice.accessToken))).statusCode).toBe(200);
      });

      it('when there is no token or no Bearer scheme, then 401 with a Bearer challenge', async () => {
        const none = await me({});
        expectProblem(none, 401, 'UNAUTHORIZED');
        expect(none.headers['www-authenticate']).toBe('Bearer');
        expectProblem(await me({ authorization: `Basic ${alice.accessToken}` }), 401, 'UNAUTHORIZED');
      });

      it("when the payload is changed to another user's id (signature kept), then 401", async () => {
        const [header, , signature] = partsOf(alice.accessToken);
        const forged = `${header}.${b64({ ...payloadOf(alice.accessToken), sub: String(bob.user.id) })}.${signature}`;
        expectProblem(await me(bearer(forged)), 401, 'UNAUTHORIZED');
      });

      it('when the token says alg "none" with no signature, then 401', async () => {
        const forged = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payloadOf(alice.accessToken))}.`;
        expectProblem(await me(bearer(forged)), 401, 'UNAUTHORIZED');
      });

      it('when the token is signed with another secret, or with our secret under another algorithm, then 401', async () => {
        const payload = payloadOf(alice.accessToken);
        const otherSecret = hs('sha256', 'another-secret-'.padEnd(40, 'y'), { alg: 'HS256', typ: 'JWT' }, payload);
        const hs512 = hs('sha512', TEST_JWT_SECRET, { alg: 'HS512', typ: 'JWT' }, payload);
        expectProblem(await me(bearer(otherSecret)), 401, 'UNAUTHORIZED');
        expectProblem(await me(bearer(hs512)), 401, 'UNAUTHORIZED');
      });

      it('when the token is signed with our secret and algorithm but names another issuer or audience, or none, then 401', async () => {
        const payload = payloadOf(alice.accessToken);
        const header = { alg: 'HS256', typ: 'JWT' };
        const without = (key: string) => Object.fromEntries(Object.entries(payload).filter(([k]) => k !== key));
        // The baseline: the same hand-made signature over the genuine claims is accepted, so each
        // refusal below is for the claim changed, not for how the token was made.
        expect((await me(bearer(hs('sha256', TEST_JWT_SECRET, header, payload)))).statusCode, 'hand-signed genuine claims').toBe(200);
        const forged = {
          'another issuer': { ...payload, iss: 'someone-else' },
          'another audience': { ...payload, aud: 'someone-elses-api' },
          'no issuer': without('iss'),
          'no audience': without('aud'),
        };
        for (const [what, claims] of Object.entries(forged)) {
          const res = await me(bearer(hs('sha256', TEST_JWT_SECRET, header, claims)));
          expect(res.statusCode, what).toBe(401);
          expectProblem(res, 401, 'UNAUTHORIZED');
        }
      });

      it('when the token expired (issued 16 minutes ago), then 401 saying so', async () => {
        const claims = { userId: alice.user.id, username: alice.user.username, sessionId: String(payloadOf(alice.accessToken).sid) };
        const expired = await signAccessToken(TEST_JWT_SECRET, claims, Date.now() - 16 * 60_000);
        const body = expectProblem(await me(bearer(expired)), 401, 'UNAUTHORIZED');
        expect(body.detail).toMatch(/expired/);
      });
    });

    describe('refresh tokens', () => {
      it('when a refresh token is used, then a new pair comes back and the old token stops working', async () => {
        const first = await refresh(alice.refreshToken);
        expect(first.statusCode, first.body).toBe(200);
        const next = first.json();
        expect(next.refreshToken).not.toBe(alice.refreshToken);
        expect((await me(bearer(next.accessToken))).json().id).toBe(alice.user.id);
        expectProblem(await refreshFrom(alice.refreshToken, '10.77.0.1'), 401, 'UNAUTHORIZED');
        alice = { ...alice, ...next };
      });

      it('when a rotated token is replayed, then the whole family is revoked, including the newest token', async () => {
        const user = await registerUser(app);
        const second = (await refresh(user.refreshToken)).json();
        const third = (await refresh(second.refreshToken)).json();
        expect(third.refreshToken).toBeDefined();
        const replay = await refresh(user.refreshToken);
        expect(expectProblem(replay, 401, 'UNAUTHORIZED').detail).toMatch(/already used/);
        expectProblem(await refresh(third.refreshToken), 401, 'UNAUTHORIZED');
        // The revoked family's access tokens end at once, not on expiry.
        expectProblem(await me(bearer(third.accessToken)), 401, 'UNAUTHORIZED');
        const again = (await login(app, user.user.username, user.password)).json();
        const events = (await app.inject({ url: '/api/auth/events', headers: bearer(again.accessToken) })).json().events;
        expect(events.map((e: { kind: string }) => e.kind).slice(0, 2)).toEqual(['login', 'refresh_reuse']);
      });

      it("when one login's family is revoked by reuse, then the user's other sessions keep working", async () => {
        const user = await registerUser(app);
        const laptop = (await login(app, user.user.username, user.password)).json();
        await refresh(user.refreshToken);
        await refresh(user.refreshToken); // replay: revokes the first family only
        expect((await refresh(laptop.refreshToken)).statusCode).toBe(200);
      });

      it('when two tabs of one client refresh the same token at once, then both get the same new pair, and reuse detection still works after', async () => {
        const user = await registerUser(app);
        const results = await Promise.all([refresh(user.refreshToken), refresh(user.refreshToken)]);
        expect(results.map((r) => r.statusCode), results.map((r) => r.body).join('\n')).toEqual([200, 200]);
        const [a, b] = results.map((r) => r.json() as { accessToken: string; refreshToken: string });
        expect(b!.refreshToken).toBe(a!.refreshToken);
        expect(b!.accessToken).toBe(a!.accessToken);
        expect((await me(bearer(a!.accessToken))).statusCode).toBe(200);
        // Another client presenting the spent token is reuse: the family is revoked.
        expect(expectProblem(await refreshFrom(user.refreshToken, '10.77.0.2'), 401, 'UNAUTHORIZED').detail).toMatch(/already used/);
        expectProblem(await refresh(a!.refreshToken), 401, 'UNAUTHORIZED');
      });

      it('when the pair a refresh issued has itself been used, then presenting the old token again is reuse even from the same client', async () => {
        const user = await registerUser(app);
        const second = (await refresh(user.refreshToken)).json() as { refreshToken: string };
        expect((await refresh(second.refreshToken)).statusCode).toBe(200);
        expect(expectProblem(await refresh(user.refreshToken), 401, 'UNAUTHORIZED').detail).toMatch(/already used/);
      });

      it('when the refresh token has expired, then 401 and no new pair', async () => {
        const user = await registerUser(app);
        await storage.db.db.execute(
          sql`update refresh_tokens set expires_at = now() - interval '1 second' where token_hash = ${hashRefreshToken(user.refreshToken)}`,
        );
        expect(expectProblem(await refresh(user.refreshToken), 401).detail).toMatch(/expired/);
      });

      it('when a session logs out, then its refresh token is dead, and logging out again or with junk is still 204', async () => {
        const user = await registerUser(app);
        const out = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: user.refreshToken } });
        expect(out.statusCode).toBe(204);
        expectProblem(await refresh(user.refreshToken), 401, 'UNAUTHORIZED');
        const again = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: user.refreshToken } });
        const junk = await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: 'not-a-token' } });
        expect([again.statusCode, junk.statusCode]).toEqual([204, 204]);
      });

      it('when the database is read, then it holds only the SHA-256 of refresh tokens, never the tokens', async () => {
        const user = await registerUser(app);
        const rows = await storage.db.db.execute(sql`select token_hash from refresh_tokens where user_id = ${user.user.id}`);
        const hashes = (rows as unknown as { rows?: Array<{ token_hash: string }> }).rows ?? (rows as unknown as Array<{ token_hash: string }>);
        expect(hashes.map((r) => r.token_hash)).toEqual([hashRefreshToken(user.refreshToken)]);
      });
    });
  });
}
