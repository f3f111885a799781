import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuthResponse } from '@cryptosim/contracts';
import { ApiClient, type ClientTokens, type SessionPort } from './api-client';
import { stubFetch } from '@/testing/stub-fetch';
import { ApiError } from './api-error';

const NOW = 1_700_000_000_000;
const user = { id: 1, username: 'alice', email: 'a@example.com', balance: '100000', initialBalance: '100000', createdAt: '2024-01-01T00:00:00.000Z' };

function memorySession(initial: ClientTokens | null) {
  let tokens = initial;
  const port: SessionPort & { ended: ReturnType<typeof vi.fn> } = {
    current: () => tokens,
    refreshed: (auth: AuthResponse, receivedAt: number) => {
      tokens = { accessToken: auth.accessToken, refreshToken: auth.refreshToken, expiresAt: receivedAt + auth.expiresIn * 1000 };
    },
    ended: vi.fn(() => {
      tokens = null;
    }),
  };
  return port;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const unauthorized = () => json({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'expired', code: 'UNAUTHORIZED' }, 401);
const authHeader = (init: RequestInit | undefined) => new Headers(init?.headers).get('Authorization');

/** Stubs fetch with a server whose only valid access token is `access-2`, issued by refreshing `refresh-1`. */
function fakeServer() {
  let refreshes = 0;
  let releaseRefresh: () => void = () => {};
  const refreshGate = new Promise<void>((resolve) => (releaseRefresh = resolve));
  const fetchMock = stubFetch(async (input, init) => {
    const url = String(input);
    if (url === '/api/auth/refresh') {
      refreshes += 1;
      await refreshGate;
      const body = JSON.parse(String(init?.body)) as { refreshToken: string };
      if (body.refreshToken !== 'refresh-1') return unauthorized();
      return json({ user, accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 });
    }
    return authHeader(init) === 'Bearer access-2' ? json({ path: url }) : unauthorized();
  });
  return { fetchMock, releaseRefresh, refreshes: () => refreshes };
}

describe('api client', () => {
  afterEach(() => vi.unstubAllGlobals());
  const noLock = <T>(run: () => Promise<T>) => run();

  it('when two requests get 401 at once, then one refresh runs and both retry with the new token', async () => {
    const server = fakeServer();
    const session = memorySession({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: NOW + 600_000 });
    const client = new ApiClient(session, { now: () => NOW, withLock: noLock });

    const both = Promise.all([client.request('/api/a', { auth: true }), client.request('/api/b', { auth: true })]);
    await vi.waitFor(() => expect(server.refreshes()).toBe(1));
    server.releaseRefresh();

    expect(await both).toEqual([{ path: '/api/a' }, { path: '/api/b' }]);
    expect(server.refreshes(), 'refresh calls for two concurrent 401s').toBe(1);
    expect(session.current()?.refreshToken).toBe('refresh-2');
  });

  it('when the access token expires within the leeway, then it is refreshed before the request is sent', async () => {
    const server = fakeServer();
    server.releaseRefresh();
    const session = memorySession({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: NOW + 5_000 });
    const client = new ApiClient(session, { now: () => NOW, withLock: noLock, refreshLeewayMs: 30_000 });

    await client.request('/api/me', { auth: true });

    const sentWithOldToken = server.fetchMock.mock.calls.filter(([, init]) => authHeader(init) === 'Bearer access-1');
    expect(sentWithOldToken, 'requests sent with the expiring token').toEqual([]);
    expect(server.refreshes()).toBe(1);
  });

  it('when the refresh is refused, then the session ends and the caller gets the 401', async () => {
    const server = fakeServer();
    server.releaseRefresh();
    const session = memorySession({ accessToken: 'access-0', refreshToken: 'revoked', expiresAt: NOW + 600_000 });
    const client = new ApiClient(session, { now: () => NOW, withLock: noLock });

    const error = await client.request('/api/me', { auth: true }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(session.ended).toHaveBeenCalledOnce();
    expect(session.current()).toBeNull();
  });

  it('when the refresh fails on the network, then the session is kept for a later try', async () => {
    stubFetch(async (input) => {
      if (String(input) === '/api/auth/refresh') throw new TypeError('Failed to fetch');
      return unauthorized();
    });
    const session = memorySession({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: NOW + 600_000 });
    const client = new ApiClient(session, { now: () => NOW, withLock: noLock });

    const error = await client.request('/api/me', { auth: true }).catch((e: unknown) => e);

    expect((error as ApiError).code).toBe('NETWORK_ERROR');
    expect(session.ended).not.toHaveBeenCalled();
  });

  it('when a 401 arrives after another request already refreshed, then it retries without a second refresh', async () => {
    const server = fakeServer();
    server.releaseRefresh();
    const session = memorySession({ accessToken: 'access-1', refreshToken: 'refresh-1', expiresAt: NOW + 600_000 });
    const client = new ApiClient(session, { now: () => NOW, withLock: noLock });

    await client.request('/api/a', { auth: true });
    // This caller still holds the pair from before the rotation.
    const tokens = await client.refresh('refresh-1');

    expect(tokens.accessToken).toBe('access-2');
    expect(server.refreshes()).toBe(1);
  });

  it('when nobody is signed in, then an authenticated request fails with 401 without calling the server', async () => {
    const fetchMock = stubFetch();
    const client = new ApiClient(memorySession(null), { now: () => NOW, withLock: noLock });

    await expect(client.request('/api/me', { auth: true })).rejects.toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
