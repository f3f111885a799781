import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { stubFetch } from '@/testing/stub-fetch';
import { fetchJson } from './fetch-json';

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the request to fail');
    },
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected ApiError, got ${String(error)}`);
  return error;
}

describe('fetchJson', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('when the server answers 2xx JSON, then the parsed body is returned', async () => {
    stubFetch(async () => Response.json({ status: 'ok' }));
    await expect(fetchJson('/healthz')).resolves.toEqual({ status: 'ok' });
  });

  it('when the server answers problem+json, then an ApiError carries its code, status and detail', async () => {
    const problem = { type: 'about:blank', title: 'Not Found', status: 404, detail: 'No such symbol', code: 'UNKNOWN_SYMBOL' };
    stubFetch(async () =>
      new Response(JSON.stringify(problem), { status: 404, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const error = await caught(fetchJson('/api/market/prices?symbols=NOPE'));
    expect(error.code).toBe('UNKNOWN_SYMBOL');
    expect(error.status).toBe(404);
    expect(error.message).toBe('No such symbol');
    expect(error.problem).toEqual(problem);
  });

  it('when a non-2xx status is accepted, then its body is returned instead of thrown', async () => {
    stubFetch(async () => Response.json({ status: 'unavailable', ports: {} }, { status: 503 }));
    await expect(fetchJson('/readyz', { acceptStatus: [503] })).resolves.toEqual({ status: 'unavailable', ports: {} });
  });

  it('when the error body is not a problem, then the code says the response was bad', async () => {
    stubFetch(async () => new Response('<html>Bad Gateway</html>', { status: 502 }));
    const error = await caught(fetchJson('/api/x'));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.status).toBe(502);
  });

  it('when the network fails, then the code is NETWORK_ERROR with status 0', async () => {
    stubFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await caught(fetchJson('/api/x'));
    expect(error.code).toBe('NETWORK_ERROR');
    expect(error.status).toBe(0);
  });

  it('when a JSON body is given, then it is sent serialised with a JSON content type', async () => {
    const mock = stubFetch(async () => new Response(null, { status: 204 }));
    await fetchJson('/api/auth/logout', { method: 'POST', json: { refreshToken: 't' } });
    const init = mock.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"refreshToken":"t"}');
    expect(new Headers(init?.headers).get('Content-Type')).toBe('application/json');
  });
});
