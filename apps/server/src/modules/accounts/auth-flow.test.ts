import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { testAppForSuite, testBackends } from '../../testing/test-app.js';
import { bearer, expectProblem, fromIp, login, newIp, registerUser, uniqueName } from './testing/clients.js';

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`accounts on ${backend.name}`, () => {
    const suite = testAppForSuite({ on: backend });
    let app: FastifyInstance;
    beforeAll(() => {
      app = suite.app;
    });

    it('when a user registers, then 201 returns the user with 100000 USDT as a plain decimal string and a token pair', async () => {
      const name = uniqueName('alice');
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: fromIp(newIp()),
        payload: { username: name, email: `  ${name}@Example.COM `, password: 'password-123' },
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json();
      expect(body.user).toEqual({
        id: expect.any(Number),
        username: name,
        email: `${name}@example.com`,
        balance: '100000',
        initialBalance: '100000',
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      });
      expect(body.expiresIn).toBe(900);
      expect(body.accessToken.split('.')).toHaveLength(3);
      expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('when the username or e-mail exists in another case, then 409 USERNAME_TAKEN / EMAIL_TAKEN', async () => {
      const first = await registerUser(app);
      const sameName = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: fromIp(newIp()),
        payload: { username: first.user.username.toUpperCase(), email: `${uniqueName()}@example.com`, password: 'password-123' },
      });
      expectProblem(sameName, 409, 'USERNAME_TAKEN');
      const sameEmail = await app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: fromIp(newIp()),
        payload: { username: uniqueName(), email: first.user.email.toUpperCase(), password: 'password-123' },
      });
      expectProblem(sameEmail, 409, 'EMAIL_TAKEN');
    });

    it('when logging in by username (any case) or by e-mail, then both give a token pair for that user', async () => {
      const user = await registerUser(app);
      const byName = await login(app, user.user.username.toUpperCase(), user.password);
      const byEmail = await login(app, user.user.email, user.password);
      expect(byName.statusCode, byName.body).toBe(200);
      expect(byEmail.statusCode, byEmail.body).toBe(200);
      expect(byName.json().user.id).toBe(user.user.id);
      expect(byEmail.json().user.id).toBe(user.user.id);
      expect(byName.json().refreshToken).not.toBe(byEmail.json().refreshToken);
    });

    it('when the password is wrong or the user does not exist, then the replies are identical 401s', async () => {
      const user = await registerUser(app);
      const wrongPassword = await login(app, user.user.username, 'not the password');
      const unknownUser = await login(app, uniqueName('nobody'), 'not the password');
      const a = expectProblem(wrongPassword, 401, 'UNAUTHORIZED');
      const b = expectProblem(unknownUser, 401, 'UNAUTHORIZED');
      expect(a).toEqual(b);
      expect(a.detail).toBe('Invalid username or password');
    });

    it('when /me is called with the access token, then it returns the same user; PATCH changes the e-mail', async () => {
      const user = await registerUser(app);
      const me = await app.inject({ url: '/api/auth/me', headers: bearer(user.accessToken) });
      expect(me.statusCode).toBe(200);
      expect(me.json()).toEqual(user.user);
      const email = `${uniqueName('new')}@Mail.Example.org`;
      const patched = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer(user.accessToken), payload: { email } });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json().email).toBe(email.replace('Mail.Example.org', 'mail.example.org'));
      const other = await registerUser(app);
      const taken = await app.inject({ method: 'PATCH', url: '/api/auth/me', headers: bearer(other.accessToken), payload: { email: email.toLowerCase() } });
      expectProblem(taken, 409, 'EMAIL_TAKEN');
    });

    it('when the password changes, then other sessions cannot refresh, this one can, and only the new password logs in', async () => {
      const user = await registerUser(app);
      const otherDevice = (await login(app, user.user.username, user.password)).json();
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: bearer(user.accessToken),
        payload: { currentPassword: 'guess-guess', newPassword: 'a brand new password' },
      });
      expectProblem(wrong, 403, 'FORBIDDEN');
      const changed = await app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: bearer(user.accessToken),
        payload: { currentPassword: user.password, newPassword: 'a brand new password' },
      });
      expect(changed.statusCode, changed.body).toBe(204);
      const refresh = (token: string) => app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: token } });
      expectProblem(await refresh(otherDevice.refreshToken), 401, 'UNAUTHORIZED');
      expect((await refresh(user.refreshToken)).statusCode).toBe(200);
      expectProblem(await login(app, user.user.username, user.password), 401);
      expect((await login(app, user.user.username, 'a brand new password')).statusCode).toBe(200);
    });

    it('when a user reads the sign-in history, then it is theirs only, newest first, and pages with the cursor', async () => {
      const user = await registerUser(app);
      await login(app, user.user.username, 'wrong password!');
      await login(app, user.user.username, user.password);
      const intruder = await registerUser(app);
      await login(app, intruder.user.username, intruder.password);

      const first = await app.inject({ url: '/api/auth/events?limit=2', headers: bearer(user.accessToken) });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json().events.map((e: { kind: string }) => e.kind)).toEqual(['login', 'login_failed']);
      expect(first.json().events[0].ip).toMatch(/^10\./);
      const second = await app.inject({ url: `/api/auth/events?limit=2&cursor=${first.json().nextCursor}`, headers: bearer(user.accessToken) });
      expect(second.json()).toEqual({ events: [expect.objectContaining({ kind: 'register' })], nextCursor: null });
      expectProblem(await app.inject({ url: '/api/auth/events?cursor=bm9wZQ', headers: bearer(user.accessToken) }), 400, 'VALIDATION_FAILED');
    });

    it('when a user lists and revokes a session, then that device can no longer refresh and the list shrinks', async () => {
      const user = await registerUser(app);
      const phone = (await login(app, user.user.username, user.password)).json();
      const list = await app.inject({ url: '/api/auth/sessions', headers: bearer(user.accessToken) });
      expect(list.json().sessions).toHaveLength(2);
      const phoneSession = list.json().sessions.find((s: { current: boolean }) => !s.current);
      const revoked = await app.inject({ method: 'DELETE', url: `/api/auth/sessions/${phoneSession.id}`, headers: bearer(user.accessToken) });
      expect(revoked.statusCode).toBe(204);
      const refresh = await app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: phone.refreshToken } });
      expectProblem(refresh, 401);
      const after = await app.inject({ url: '/api/auth/sessions', headers: bearer(user.accessToken) });
      expect(after.json().sessions).toEqual([expect.objectContaining({ current: true })]);
    });

    it('when two registrations race for one username, then exactly one wins and the other gets 409', async () => {
      const username = uniqueName('race');
      const attempt = (n: number) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/register',
          headers: fromIp(newIp()),
          payload: { username: n === 0 ? username : username.toUpperCase(), email: `${username}${n}@example.com`, password: 'password-123' },
        });
      const results = await Promise.all([attempt(0), attempt(1)]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    });
  });
}
