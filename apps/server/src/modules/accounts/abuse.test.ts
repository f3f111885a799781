import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectOwnerOnly } from '../../testing/owner-only.js';
import { testAppForSuite, testBackends } from '../../testing/test-app.js';
import { bearer, expectProblem, fromIp, login, newIp, registerUser, uniqueName } from './testing/clients.js';

const INJECTIONS = [
  "' OR '1'='1",
  "admin'--",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  "x' UNION SELECT password_hash FROM users --",
  '\\x00\u0000',
];

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`abuse resistance on ${backend.name}`, () => {
    const suite = testAppForSuite({ on: backend });
    let app: FastifyInstance;
    beforeAll(() => {
      app = suite.app;
    });

    it('when one address guesses one password 6 times in a minute, then the 6th is 429 RATE_LIMITED with Retry-After', async () => {
      const user = await registerUser(app);
      const ip = newIp();
      for (let i = 0; i < 5; i++) expectProblem(await login(app, user.user.username, `wrong-${i}-password`, ip), 401);
      const blocked = expectProblem(await login(app, user.user.username, user.password, ip), 429, 'RATE_LIMITED');
      const retryAfter = Number((await login(app, user.user.username, user.password, ip)).headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(blocked.detail).toMatch(/try again in \d+ s/);
      // Another address is not affected: the limit is per username + address.
      expect((await login(app, user.user.username, user.password)).statusCode).toBe(200);
    });

    it('when one address sprays 21 usernames in a minute, then the 21st is 429 (20 per address)', async () => {
      const ip = newIp();
      for (let i = 0; i < 20; i++) expectProblem(await login(app, uniqueName('spray'), 'whatever-password', ip), 401);
      const res = await login(app, uniqueName('spray'), 'whatever-password', ip);
      expectProblem(res, 429, 'RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('when one address registers 11 accounts in an hour, then the 11th is 429 with a Retry-After up to an hour', async () => {
      const ip = newIp();
      const register = () =>
        app.inject({
          method: 'POST',
          url: '/api/auth/register',
          headers: fromIp(ip),
          payload: { username: uniqueName('bulk'), email: `${uniqueName('bulk')}@example.com`, password: 'password-123' },
        });
      for (let i = 0; i < 10; i++) expect((await register()).statusCode).toBe(201);
      const res = await register();
      expectProblem(res, 429, 'RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(60);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
    });

    it('when SQL-injection strings fill every auth field, then each is refused or treated as plain text, never a 5xx', async () => {
      const victim = await registerUser(app);
      for (const evil of INJECTIONS) {
        const replies = [
          await app.inject({ method: 'POST', url: '/api/auth/register', headers: fromIp(newIp()), payload: { username: evil, email: evil, password: evil } }),
          await login(app, evil, evil),
          await login(app, `${victim.user.username}${evil}`, evil),
          await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: evil } }),
          await app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: evil } }),
          await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer(victim.accessToken), payload: { email: evil } }),
          await app.inject({ url: `/api/auth/events?cursor=${encodeURIComponent(evil)}`, headers: bearer(victim.accessToken) }),
          await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${encodeURIComponent(evil)}`, headers: bearer(victim.accessToken) }),
        ];
        for (const res of replies) {
          expect(res.statusCode, `${evil}: ${res.body}`).toBeLessThan(500);
          if (res.statusCode >= 400) expectProblem(res, res.statusCode);
        }
      }
      // The users table is intact and the victim still logs in.
      expect((await login(app, victim.user.username, victim.password)).statusCode).toBe(200);
    });

    it('when a body is 3 MB, then 413 PAYLOAD_TOO_LARGE before any work is done', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json', ...fromIp(newIp()) },
        payload: JSON.stringify({ username: 'x', password: 'p'.repeat(3 * 1024 * 1024) }),
      });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('when fields have the wrong JSON types or unknown fields, then 400 VALIDATION_FAILED names each', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: fromIp(newIp()),
        payload: { username: 12345, email: ['a@b.co'], password: { $ne: null }, isAdmin: true },
      });
      const body = expectProblem(res, 400, 'VALIDATION_FAILED');
      const paths = (body.errors as Array<{ path: string }>).map((e) => e.path);
      expect(paths).toEqual(expect.arrayContaining(['body/username', 'body/email', 'body/password', 'body/isAdmin']));
      expectProblem(await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: null } }), 400, 'VALIDATION_FAILED');
      expectProblem(await app.inject({ method: 'POST', url: '/api/auth/login', headers: fromIp(newIp()), payload: [1, 2] }), 400, 'VALIDATION_FAILED');
    });

    it('when a username uses look-alike letters (Cyrillic, fullwidth, accents, zero-width), then registration is refused', async () => {
      const real = await registerUser(app, { username: uniqueName('admin') });
      const name = real.user.username;
      const lookalikes = [
        name.replace('a', '\u0430'), // Cyrillic а
        name.replace('d', '\uff44'), // fullwidth ｄ
        name.replace('i', '\u00ed'), // í
        `${name}\u200b`, // zero-width space
        name.replace('m', 'm\u0301'), // combining accent
      ];
      for (const username of lookalikes) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/register',
          headers: fromIp(newIp()),
          payload: { username, email: `${uniqueName()}@example.com`, password: 'password-123' },
        });
        const body = expectProblem(res, 400, 'VALIDATION_FAILED');
        expect((body.errors as Array<{ path: string }>)[0]!.path, JSON.stringify(username)).toBe('body/username');
      }
    });

    it("when another user's session is revoked by id, then 404 (same as a random id), and the owner can revoke it", async () => {
      const owner = await registerUser(app);
      const intruder = await registerUser(app);
      const sessions = (await app.inject({ url: '/api/auth/sessions', headers: bearer(owner.accessToken) })).json().sessions;
      expectProblem(await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${randomUUID()}`, headers: bearer(owner.accessToken) }), 404, 'NOT_FOUND');
      await expectOwnerOnly(
        app,
        { owner: owner.accessToken, intruder: intruder.accessToken },
        [{ name: 'DELETE /api/auth/sessions/:id', method: 'DELETE', url: `/api/auth/sessions/${sessions[0].id}` }],
        () => 204,
      );
      // The intruder's own lists never show the owner's rows.
      const theirs = await app.inject({ url: '/api/auth/events', headers: bearer(intruder.accessToken) });
      expect(theirs.json().events.every((e: { kind: string }) => e.kind === 'register')).toBe(true);
    });
  });
}
