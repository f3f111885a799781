/**
 * The validator as buildApp composes it, on the real request shapes: a body that lists every
 * problem while it is small, a reply that stays small however many unknown keys a body has,
 * and query numbers that must be plain decimals within range.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryQuery, LoginRequest, RefreshRequest } from '@cryptosim/contracts';
import { MAX_ISSUES, registerErrorHandling } from '../kernel/error-handler.js';
import { isSmall, registerValidation } from './validation.js';

/** A body made of the token and `count` unknown keys (11 bytes each). */
function unknownKeys(count: number, keyLength = 6): string {
  const entries = Array.from({ length: count }, (_, i) => `"${i.toString(36).padStart(keyLength, 'k')}":1`);
  return `{"refreshToken":"x",${entries.join(',')}}`;
}

describe('request validation', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify({ bodyLimit: 1024 * 1024 });
    registerValidation(app);
    registerErrorHandling(app);
    app.post('/refresh', { schema: { body: RefreshRequest } }, async () => ({ ok: true }));
    app.post('/login', { schema: { body: LoginRequest } }, async () => ({ ok: true }));
    app.get('/history', { schema: { querystring: HistoryQuery } }, async (request) => ({ query: request.query }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('when a small body has several problems, then the reply lists every one of them', async () => {
    const res = await app.inject({ method: 'POST', url: '/login', payload: { username: '', password: 5, extra: true } });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as Array<{ path: string }>).map((e) => e.path);
    expect([...new Set(paths)].sort()).toEqual(['body/extra', 'body/password', 'body/username']);
  });

  it('when a body of 90,000 unknown keys just under the size limit arrives, then the reply is one small VALIDATION_FAILED', async () => {
    const payload = unknownKeys(90_000);
    expect(payload.length).toBeGreaterThan(900_000);
    expect(payload.length).toBeLessThan(1024 * 1024);
    const res = await app.inject({ method: 'POST', url: '/refresh', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.body.length, 'reply size').toBeLessThan(2_000);
  });

  it('when a mid-sized body has many long unknown keys, then the reply lists at most MAX_ISSUES, each cut short', async () => {
    const keys = Array.from({ length: 60 }, (_, i) => [`${i}`.padEnd(5_000, 'z'), 1]);
    // 60 values and the token: small enough for the full list, which is then capped.
    const payload = JSON.stringify({ refreshToken: 'x', ...Object.fromEntries(keys) });
    const res = await app.inject({ method: 'POST', url: '/refresh', headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { detail: string; errors: Array<{ path: string }> };
    expect(body.errors).toHaveLength(MAX_ISSUES);
    expect(Math.max(...body.errors.map((e) => e.path.length))).toBeLessThanOrEqual(200);
    expect(body.detail).toMatch(/and 40 more$/);
    expect(res.body.length, 'reply size').toBeLessThan(10_000);
  });

  it('when a value count is measured, then counting stops once over the budget', () => {
    expect(isSmall({ a: 1, b: [1, 2, { c: 3 }] }, 7)).toBe(true);
    expect(isSmall({ a: 1, b: [1, 2, { c: 3 }] }, 6)).toBe(false);
    expect(isSmall(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [i, i])), 200)).toBe(false);
  });

  it.each([
    ['startTime=9300000000000000000', 'querystring/startTime'],
    ['startTime=1e21', 'querystring/startTime'],
    ['startTime=Infinity', 'querystring/startTime'],
    ['startTime=253402300800000', 'querystring/startTime'],
    ['endTime=-Infinity', 'querystring/endTime'],
    ['limit=0x1A', 'querystring/limit'],
    ['limit=%205', 'querystring/limit'],
    ['limit=5%20', 'querystring/limit'],
    ['limit=1e2', 'querystring/limit'],
    ['limit=2.0', 'querystring/limit'],
    ['limit=', 'querystring/limit'],
    ['limit=5&limit=0x5', 'querystring/limit'],
  ])('when the query has %s, then it is a 400 VALIDATION_FAILED naming the parameter', async (query, path) => {
    const res = await app.inject(`/history?symbol=BTCUSDT&${query}`);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path }] });
  });

  it('when query numbers are plain decimals in range, then they arrive as numbers', async () => {
    const res = await app.inject('/history?symbol=BTCUSDT&limit=26&startTime=0&endTime=253402300799999');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().query).toMatchObject({ limit: 26, startTime: 0, endTime: 253402300799999 });
  });
});
