import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { registerErrorHandling } from '../kernel/error-handler.js';
import { MemoryCache } from '../ports/cache/memory-cache.js';
import { registerOpenApi } from './openapi.js';
import { recordHelmet } from './security-headers.js';
import { HELMET_OPTIONS, registerSecurity } from './security.js';

const ORIGIN = 'https://app.example.org';

/** The security layer as buildApp composes it, with the docs, a probe and one API route. */
async function securedApp(): Promise<{ app: FastifyInstance; cache: MemoryCache }> {
  const app = Fastify({ trustProxy: true });
  const cache = new MemoryCache();
  registerErrorHandling(app);
  await registerSecurity(app, loadConfig({ CORS_ORIGINS: ORIGIN }), cache);
  await registerOpenApi(app);
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/api/thing', async () => ({ ok: true }));
  app.post('/api/limited-elsewhere', { config: { ownRateLimit: true } }, async () => ({ ok: true }));
  await app.ready();
  return { app, cache };
}

/** What helmet 8 sent for our options when it was still rebuilt per request (@fastify/helmet). */
const HELMET_HEADERS = {
  'content-security-policy': "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';worker-src 'self' blob:;object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const directives = (csp: string | undefined) => Object.fromEntries((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));

describe('security layer', () => {
  let app: FastifyInstance;
  let cache: MemoryCache;
  beforeAll(async () => ({ app, cache } = await securedApp()));
  afterAll(async () => {
    await app.close();
    await cache.close();
  });

  it('when any reply leaves, then it carries the security headers and a CSP the SPA works under', async () => {
    const res = await app.inject('/api/thing');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const csp = directives(res.headers['content-security-policy'] as string);
    expect(csp['script-src']).toEqual(["'self'"]); // never inline or eval scripts
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]); // emotion's <style> tags
    expect(csp['connect-src']).toEqual(["'self'"]); // API and same-origin WebSockets
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp).not.toHaveProperty('upgrade-insecure-requests'); // embedded mode is plain http
  });

  it('when a route, a 404 and the docs answer, then each carries exactly the helmet headers, worked out once', async () => {
    for (const url of ['/api/thing', '/nope', '/docs/']) {
      const res = await app.inject(url);
      const sent = Object.fromEntries(Object.keys(HELMET_HEADERS).map((name) => [name, res.headers[name]]));
      expect(sent, url).toEqual(HELMET_HEADERS);
    }
    expect(recordHelmet(HELMET_OPTIONS).set.map(([name]) => name.toLowerCase()).sort(), 'no header beyond those').toEqual(Object.keys(HELMET_HEADERS).sort());
  });

  it('when Swagger UI is served, then its page references only same-origin scripts and styles the CSP allows', async () => {
    const page = await app.inject('/docs/');
    expect(page.statusCode).toBe(200);
    const csp = directives(page.headers['content-security-policy'] as string);
    expect(csp['img-src']).toContain('data:'); // Swagger's icons are data: URIs
    const scripts = [...page.body.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src, 'external script on /docs').toMatch(/^\.\/|^\/docs\//);
    expect(page.body).not.toMatch(/<script(?![^>]*src=)[^>]*>\s*\S/); // no inline script, which script-src 'self' would block
    const initializer = await app.inject('/docs/static/swagger-initializer.js');
    expect(initializer.statusCode).toBe(200);
  });

  it('when a listed origin calls, then CORS allows it and exposes Retry-After; another origin gets no CORS grant', async () => {
    const preflight = await app.inject({
      method: 'OPTIONS',
      url: '/api/thing',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');
    const allowed = await app.inject({ url: '/api/thing', headers: { origin: ORIGIN } });
    expect(allowed.headers['access-control-expose-headers']).toContain('Retry-After');
    const foreign = await app.inject({ url: '/api/thing', headers: { origin: 'https://evil.example' } });
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when one address makes 601 requests in a minute, then the 601st is 429 with Retry-After; probes and self-limited routes are exempt', async () => {
    const ip = { 'x-forwarded-for': '192.0.2.10' };
    for (let i = 0; i < 600; i++) {
      const res = await app.inject({ url: '/api/thing', headers: ip });
      if (res.statusCode !== 200) throw new Error(`request ${i + 1} of 600 was refused: ${res.statusCode}`);
    }
    const limited = await app.inject({ url: '/api/thing', headers: ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['content-security-policy']).toBeDefined(); // refused replies are protected too
    expect((await app.inject({ url: '/healthz', headers: ip })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/limited-elsewhere', headers: ip })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/thing', headers: { 'x-forwarded-for': '192.0.2.11' } })).statusCode).toBe(200);
  });
});
