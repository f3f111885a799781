import { type Order, type Portfolio, WS_CLOSE_TOO_MANY_SOCKETS, WS_CLOSE_UNAUTHORIZED } from '@cryptosim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { MAX_BUFFERED_BYTES } from '../../kernel/websocket.js';
import { signAccessToken } from './access-token.js';
import { publishUserEvent } from './index.js';
import { startTestApp, TEST_JWT_SECRET, testBackends, type TestApp, type TestStorage } from '../../testing/test-app.js';
import { login, registerUser, type TestUser } from './testing/clients.js';
import { openSocket, silentFor, type TestSocket } from './testing/socket-client.js';

/** A frame's data with only the fields a test looks at: the sockets forward it untouched. */
const partial = <T>(fields: Partial<T>) => fields as T;

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`/ws/orders and /ws/portfolio on ${backend.name}`, () => {
    let storage: TestStorage;
    let replicaA: TestApp;
    let replicaB: TestApp;
    let wsA: string;
    let alice: TestUser;
    let bob: TestUser;
    const sockets: TestSocket[] = [];
    const open = async (path: string) => {
      const s = await openSocket(`${wsA}${path}`);
      sockets.push(s);
      return s;
    };

    /** Opens a socket and returns it with its server-side end on replica A. */
    const openWithServerEnd = async (path: string): Promise<[TestSocket, WebSocket]> => {
      const before = new Set(replicaA.app.websocketServer.clients);
      const socket = await open(path);
      await expect.poll(() => replicaA.app.websocketServer.clients.size).toBeGreaterThan(before.size);
      const serverEnd = [...replicaA.app.websocketServer.clients].find((c) => !before.has(c))!;
      return [socket, serverEnd];
    };

    /**
     * Stops reading and keeps sending `frame` until the server cuts the socket off (or gives
     * up after far more replies than any kernel buffer holds); returns the most the server
     * held unsent.
     */
    const floodWithoutReading = async (socket: TestSocket, serverEnd: WebSocket, frame: string) => {
      socket.ws.pause();
      socket.ws.on('error', () => undefined);
      let maxBuffered = 0;
      for (let sent = 0; sent < 600_000 && serverEnd.readyState === serverEnd.OPEN; sent += 2_000) {
        for (let i = 0; i < 2_000; i++) socket.ws.send(frame);
        await new Promise((resolve) => setTimeout(resolve, 1));
        maxBuffered = Math.max(maxBuffered, serverEnd.bufferedAmount);
      }
      await expect.poll(() => serverEnd.readyState, { timeout: 10_000 }).toBeGreaterThanOrEqual(serverEnd.CLOSING);
      return maxBuffered;
    };

    beforeAll(async () => {
      storage = await backend.open();
      // Two API replicas over one database and one cache namespace, as behind nginx.
      [replicaA, replicaB] = [await startTestApp({ on: storage }), await startTestApp({ on: storage })];
      wsA = (await replicaA.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
      [alice, bob] = [await registerUser(replicaA.app), await registerUser(replicaA.app)];
    });
    afterAll(async () => {
      for (const s of sockets) s.ws.terminate();
      await replicaA?.close();
      await replicaB?.close();
      await storage?.close();
    });

    it("when a socket authenticates with ?token= and another replica publishes the user's order, then the socket gets it", async () => {
      const socket = await open(`/ws/orders?token=${alice.accessToken}`);
      expect(await socket.next()).toMatchObject({ type: 'authenticated', userId: alice.user.id, expiresAt: expect.any(Number) });
      const order = partial<Order>({ id: 1, symbol: 'BTCUSDT', status: 'NEW' });
      await publishUserEvent(replicaB.ports.cache, alice.user.id, 'order', order);
      expect(await socket.next()).toEqual({ type: 'order', data: order });
    });

    it("when other users' events or the other channel's events are published, then the socket receives none of them", async () => {
      const socket = await open(`/ws/portfolio?token=${alice.accessToken}`);
      await socket.next();
      await publishUserEvent(replicaB.ports.cache, bob.user.id, 'portfolio', partial<Portfolio>({ cash: '1' }));
      await publishUserEvent(replicaB.ports.cache, alice.user.id, 'order', partial<Order>({ id: 2 }));
      expect(await silentFor(socket, 300)).toBe(true);
      await publishUserEvent(replicaB.ports.cache, alice.user.id, 'portfolio', partial<Portfolio>({ cash: '99' }));
      expect(await socket.next()).toEqual({ type: 'portfolio', data: { cash: '99' } });
    });

    it('when frames are bad (not JSON, unknown op, before auth), then each gets an error frame and the socket stays usable', async () => {
      const socket = await open('/ws/orders');
      socket.send('{not json');
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
      socket.send({ op: 'ping' });
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });
      socket.send({ op: 'auth', token: 'garbage' });
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });
      socket.send({ op: 'auth', token: bob.accessToken });
      expect(await socket.next()).toMatchObject({ type: 'authenticated', userId: bob.user.id });
      socket.send({ op: 'dance' });
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
      socket.send({ op: 'ping' });
      expect(await socket.next()).toMatchObject({ type: 'pong' });
      await publishUserEvent(replicaB.ports.cache, bob.user.id, 'order', partial<Order>({ id: 3 }));
      expect(await socket.next()).toEqual({ type: 'order', data: { id: 3 } });
    });

    it('when the ?token= is invalid, then the socket gets an error frame and is closed with 4401', async () => {
      const socket = await open('/ws/orders?token=not.a.jwt');
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });
      expect((await socket.closed).code).toBe(WS_CLOSE_UNAUTHORIZED);
    });

    it('when the access token expires, then the socket is closed with 4401', async () => {
      const sid = '00000000-0000-4000-8000-000000000000';
      // Issued 898.5 s ago: it expires within the next 1.5 s.
      const token = await signAccessToken(TEST_JWT_SECRET, { userId: alice.user.id, username: alice.user.username, sessionId: sid }, Date.now() - 898_500);
      const socket = await open(`/ws/orders?token=${token}`);
      expect(await socket.next()).toMatchObject({ type: 'authenticated' });
      const closed = await socket.closed;
      expect(closed).toEqual({ code: WS_CLOSE_UNAUTHORIZED, reason: 'access token expired' });
    });

    it('when a socket re-authenticates as another user, then it is refused and keeps its first user', async () => {
      const socket = await open(`/ws/orders?token=${alice.accessToken}`);
      await socket.next();
      socket.send({ op: 'auth', token: bob.accessToken });
      expect(await socket.next()).toMatchObject({ type: 'error', code: 'FORBIDDEN' });
      await publishUserEvent(replicaB.ports.cache, alice.user.id, 'order', partial<Order>({ id: 4 }));
      expect(await socket.next()).toEqual({ type: 'order', data: { id: 4 } });
    });
  
    it('when a signed-in client sends pings and never reads the pongs, then the server cuts it off with a bounded backlog', async () => {
      const [socket, serverEnd] = await openWithServerEnd(`/ws/orders?token=${alice.accessToken}`);
      expect(await socket.next()).toMatchObject({ type: 'authenticated' });
      const maxBuffered = await floodWithoutReading(socket, serverEnd, '{"op":"ping"}');
      expect(maxBuffered, 'bytes the server held for the socket').toBeLessThanOrEqual(MAX_BUFFERED_BYTES + 64 * 1024);
    }, 120_000);

    it('when an unauthenticated client provokes error replies and never reads them, then the server cuts it off with a bounded backlog', async () => {
      const [socket, serverEnd] = await openWithServerEnd('/ws/portfolio');
      const maxBuffered = await floodWithoutReading(socket, serverEnd, '{"op":"ping"}');
      expect(maxBuffered, 'bytes the server held for the socket').toBeLessThanOrEqual(MAX_BUFFERED_BYTES + 64 * 1024);
    }, 120_000);

    it("when a signed-in client never reads while the user's events keep coming, then the server cuts it off with a bounded backlog", async () => {
      const [socket, serverEnd] = await openWithServerEnd(`/ws/portfolio?token=${bob.accessToken}`);
      expect(await socket.next()).toMatchObject({ type: 'authenticated' });
      socket.ws.pause();
      const payload = partial<Portfolio>({ cash: '1'.repeat(4_000) });
      let maxBuffered = 0;
      for (let sent = 0; sent < 20_000 && serverEnd.readyState === serverEnd.OPEN; sent += 50) {
        await Promise.all(Array.from({ length: 50 }, () => publishUserEvent(replicaB.ports.cache, bob.user.id, 'portfolio', payload)));
        maxBuffered = Math.max(maxBuffered, serverEnd.bufferedAmount);
      }
      await expect.poll(() => serverEnd.readyState, { timeout: 10_000 }).toBeGreaterThanOrEqual(serverEnd.CLOSING);
      expect(maxBuffered, 'bytes the server held for the socket').toBeLessThanOrEqual(MAX_BUFFERED_BYTES + 64 * 1024);
    }, 120_000);
  
    /** A raw socket from `ip` (the test app trusts X-Forwarded-For); resolves once open, or with its close if refused first. */
    const rawSocket = (path: string, ip: string) =>
      new Promise<{ ws: WebSocket; closed: Promise<number> }>((resolve, reject) => {
        const ws = new WebSocket(`${wsA}${path}`, { headers: { 'x-forwarded-for': ip } });
        const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
        ws.once('open', () => resolve({ ws, closed }));
        ws.once('error', reject);
      });

    it('when one address opens more sockets than its cap, then the extra one is closed with 4429 and other addresses are unaffected', async () => {
      const ip = '10.250.0.1';
      const held = await Promise.all(Array.from({ length: 100 }, () => rawSocket('/ws/orders', ip)));
      const extra = await rawSocket('/ws/portfolio', ip);
      expect(await extra.closed).toBe(WS_CLOSE_TOO_MANY_SOCKETS);
      const other = await rawSocket('/ws/orders', '10.250.0.2');
      expect(other.ws.readyState).toBe(WebSocket.OPEN);
      held[0]!.ws.close();
      await held[0]!.closed;
      const again = await rawSocket('/ws/orders', ip);
      expect(again.ws.readyState, 'a freed slot can be used again').toBe(WebSocket.OPEN);
      for (const s of [...held, other, again]) s.ws.terminate();
    }, 60_000);

    it('when one user authenticates more sockets than the per-user cap, then the extra one is closed with 4429', async () => {
      const user = await registerUser(replicaA.app);
      const held = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const s = await openSocket(`${wsA}/ws/${i % 2 ? 'orders' : 'portfolio'}?token=${user.accessToken}`);
          sockets.push(s);
          expect(await s.next()).toMatchObject({ type: 'authenticated' });
          return s;
        }),
      );
      const extra = await open('/ws/orders');
      extra.send({ op: 'auth', token: user.accessToken });
      expect((await extra.closed).code).toBe(WS_CLOSE_TOO_MANY_SOCKETS);
      held[0]!.ws.close();
      await held[0]!.closed;
      const again = await open(`/ws/orders?token=${user.accessToken}`);
      expect(await again.next(), 'a freed slot can be used again').toMatchObject({ type: 'authenticated' });
    }, 60_000);
  
    it('when a session logs out, then its sockets on every replica close at once and its access token is refused at once', async () => {
      const user = await registerUser(replicaA.app);
      const wsB = (await replicaB.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
      const onA = await open(`/ws/orders?token=${user.accessToken}`);
      const onB = await openSocket(`${wsB}/ws/portfolio?token=${user.accessToken}`);
      sockets.push(onB);
      expect(await onA.next()).toMatchObject({ type: 'authenticated' });
      expect(await onB.next()).toMatchObject({ type: 'authenticated' });
      const out = await replicaA.app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: user.refreshToken } });
      expect(out.statusCode).toBe(204);
      expect(await onA.closed).toEqual({ code: WS_CLOSE_UNAUTHORIZED, reason: 'session signed out' });
      expect(await onB.closed, 'the other replica closed its socket too').toEqual({ code: WS_CLOSE_UNAUTHORIZED, reason: 'session signed out' });
      for (const replica of [replicaA, replicaB]) {
        const me = await replica.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${user.accessToken}` } });
        expect(me.statusCode, 'the access token of a signed-out session').toBe(401);
      }
      const late = await open(`/ws/orders?token=${user.accessToken}`);
      expect(await late.next()).toMatchObject({ type: 'error', code: 'UNAUTHORIZED' });
    });

    it('when the password changes or another session is revoked, then the other sessions end at once and the current one keeps working', async () => {
      const user = await registerUser(replicaA.app);
      const laptop = (await login(replicaA.app, user.user.username, user.password)).json() as { accessToken: string };
      const phone = (await login(replicaA.app, user.user.username, user.password)).json() as { accessToken: string };
      const laptopSocket = await open(`/ws/orders?token=${laptop.accessToken}`);
      expect(await laptopSocket.next()).toMatchObject({ type: 'authenticated' });
      const sessionOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sid as string;
      const revoke = await replicaA.app.inject({ method: 'DELETE', url: `/api/auth/sessions/${sessionOf(laptop.accessToken)}`, headers: { authorization: `Bearer ${user.accessToken}` } });
      expect(revoke.statusCode, revoke.body).toBe(204);
      expect((await laptopSocket.closed).code).toBe(WS_CLOSE_UNAUTHORIZED);
      const phoneSocket = await open(`/ws/portfolio?token=${phone.accessToken}`);
      expect(await phoneSocket.next()).toMatchObject({ type: 'authenticated' });
      const change = await replicaA.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { authorization: `Bearer ${user.accessToken}` },
        payload: { currentPassword: user.password, newPassword: 'another horse battery staple' },
      });
      expect(change.statusCode, change.body).toBe(204);
      expect((await phoneSocket.closed).code).toBe(WS_CLOSE_UNAUTHORIZED);
      expect((await replicaB.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${phone.accessToken}` } })).statusCode).toBe(401);
      expect((await replicaB.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${user.accessToken}` } })).statusCode, 'the session that changed it').toBe(200);
    });
  });
}
