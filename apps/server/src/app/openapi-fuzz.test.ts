/**
 * Walks /openapi.json of the app with every module and sends each route generated bad input
 * (wrong types, huge strings, missing and extra fields, injection strings, nested garbage),
 * anonymously and with a valid token. Every reply must be below 500, and every error must
 * be problem+json with a code. Each route with a body also gets bodies just under the size limit
 * made of tens of thousands of unknown keys: the reply must stay small (a few kB), not list
 * every key.
 */
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { registerUser } from '../modules/accounts/testing/clients.js';
import { MODULES } from './modules.js';

interface Operation {
  method: string;
  path: string;
  parameters?: Array<{ name: string; in: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

const RUNS_PER_ROUTE = 40;
const SKIP = [/^\/docs/, /^\/openapi\.json$/, /^\/healthz$/, /^\/readyz$/];

const injection = fc.constantFrom("' OR 1=1 --", "'; DROP TABLE users; --", '{{7*7}}', '<script>alert(1)</script>', '../../etc/passwd', '\u0000', '%00', '$where');
const hugeString = fc.constantFrom('x'.repeat(100_000), '9'.repeat(5_000), 'é'.repeat(20_000));
const leaf = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  injection,
  hugeString,
  fc.constantFrom('-1', '1e308', 'NaN', '0x10', '', ' ', '1.0000000000000000000001'),
);
const garbage = fc.oneof(leaf, fc.array(leaf, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 10 }), leaf, { maxKeys: 4 }), fc.anything({ maxDepth: 4 }));

/** A body shaped like the schema (some fields junk, some missing, maybe extra) or not an object at all. */
function bodyFor(properties: Record<string, unknown> | undefined) {
  const names = Object.keys(properties ?? {});
  const shaped = fc
    .record(Object.fromEntries(names.map((n) => [n, fc.option(garbage, { nil: undefined })])) as Record<string, fc.Arbitrary<unknown>>)
    .chain((body) => fc.record({ body: fc.constant(body), extra: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), leaf, { maxKeys: 2 }), { nil: undefined }) }))
    .map(({ body, extra }) => JSON.stringify({ ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)), ...extra }));
  return fc.oneof(shaped, garbage.map((g) => JSON.stringify(g) ?? 'null'), fc.constantFrom('{"a":', 'not json', '[]', '{"__proto__":{"admin":true}}'));
}

const text = fc.oneof(fc.string({ maxLength: 50 }), injection, fc.constantFrom('-1', '0', '99999999999999999999', 'null', 'true', 'x'.repeat(5_000)));

function requestFor(op: Operation, token: string): fc.Arbitrary<InjectOptions> {
  const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
  const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const schema = op.requestBody?.content?.['application/json']?.schema;
  return fc
    .record({
      params: fc.tuple(...pathParams.map(() => text), fc.constant('')),
      query: fc.dictionary(fc.constantFrom(...queryParams, 'unexpected'), text, { maxKeys: 3 }),
      body: op.requestBody ? bodyFor(schema?.properties) : fc.constant(undefined),
      authed: fc.boolean(),
      ip: fc.ipV4(),
    })
    .map(({ params, query, body, authed, ip }) => {
      let url = op.path;
      pathParams.forEach((name, i) => (url = url.replace(`{${name}}`, encodeURIComponent(params[i] as string))));
      const qs = new URLSearchParams(query).toString();
      return {
        method: op.method.toUpperCase() as InjectOptions['method'],
        url: qs ? `${url}?${qs}` : url,
        headers: {
          'x-forwarded-for': ip,
          ...(authed ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: body } : {}),
      };
    });
}

/** Under the 1 MB body limit: the declared fields as the schema names them, then `count` unknown keys. */
function floodBody(properties: Record<string, unknown> | undefined, count: number, nested: boolean): string {
  const known = Object.keys(properties ?? {}).map((name) => `${JSON.stringify(name)}:"x"`);
  const unknown = Array.from({ length: count }, (_, i) => `"u${i.toString(36)}":${nested ? '{"a":[1]}' : '1'}`);
  return `{${[...known, ...unknown].join(',')}}`;
}

const MAX_FLOOD_REPLY_BYTES = 4_096;

describe('OpenAPI-driven fuzzing of every route', () => {
  let test: TestApp;
  let app: FastifyInstance;
  let token: string;
  let operations: Operation[] = [];

  beforeAll(async () => {
    test = await startTestApp({ modules: MODULES });
    app = test.app;
    token = (await registerUser(app)).accessToken;
    const doc = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ ...op, method, path })),
    );
  }, 120_000);
  afterAll(async () => {
    await test?.close();
  });

  it('when the document is read, then it lists the auth routes (and every module route to fuzz)', () => {
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['post /api/auth/login', 'get /api/auth/me']));
  });

  it('when any route gets generated bad input, then it never answers 5xx and every error is problem+json with a code (Binance\'s own error body under /binance)', async () => {
    const targets = operations.filter((op) => !SKIP.some((re) => re.test(op.path)));
    for (const op of targets) {
      await fc.assert(
        fc.asyncProperty(requestFor(op, token), async (request) => {
          const res = await app.inject(request);
          const where = `${request.method} ${String(request.url).slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          if (res.statusCode >= 400 && op.path.startsWith('/binance/')) {
            // The Binance-compatible face answers as Binance does: { code: -1102, msg: "…" }.
            expect(res.headers['content-type'], where).toMatch(/^application\/json/);
            expect(res.json(), where).toEqual({ code: expect.any(Number), msg: expect.any(String) });
            expect(res.json().code, where).toBeLessThan(0);
          } else if (res.statusCode >= 400) {
            expect(res.headers['content-type'], where).toContain('application/problem+json');
            expect(res.json().code, where).toMatch(/^[A-Z][A-Z0-9_]+$/);
          }
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  }, 300_000);

  it('when any route with a body gets one just under the size limit with tens of thousands of unknown keys, then the reply stays small', async () => {
    const targets = operations.filter((op) => op.requestBody && !SKIP.some((re) => re.test(op.path)));
    expect(targets.length).toBeGreaterThan(5);
    let n = 0;
    for (const op of targets) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      for (const [count, nested] of [[100_000, false], [50_000, true]] as const) {
        const payload = floodBody(schema?.properties, count, nested);
        expect(payload.length).toBeLessThan(1024 * 1024);
        for (const authed of [false, true]) {
          const url = op.path.replaceAll(/\{[^}]+\}/g, '1');
          const res = await app.inject({
            method: op.method.toUpperCase() as InjectOptions['method'],
            url,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${Math.floor(n / 250)}.${n++ % 250}`, ...(authed ? { authorization: `Bearer ${token}` } : {}) },
            payload,
          });
          const where = `${op.method} ${url} (${count} keys, authed: ${authed}) → ${res.statusCode} ${res.body.slice(0, 200)}`;
          expect(res.statusCode, where).toBeLessThan(500);
          expect(res.statusCode, where).toBeGreaterThanOrEqual(400);
          expect(res.body.length, where).toBeLessThan(MAX_FLOOD_REPLY_BYTES);
        }
      }
    }
  }, 300_000);
});
