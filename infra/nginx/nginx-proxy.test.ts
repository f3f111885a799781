/**
 * infra/nginx/cryptosim.conf in a real nginx in front of two real API processes: Compose's web
 * tier without Docker. The replicas are the built server (started as `npm start` does); nginx
 * serves the built web app from apps/web/dist.
 *
 * With DATABASE_URL and REDIS_URL the replicas share a fresh database and a Redis key prefix,
 * as in Compose (replica A also runs ingest and projector, B only the API), which the
 * cross-replica checks need. Without them each replica is a whole embedded platform and
 * those checks skip. A missing nginx skips the file locally and fails it under CI=true.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HELMET_OPTIONS } from '../../apps/server/src/app/security.js';
import { recordHelmet } from '../../apps/server/src/app/security-headers.js';
import { deleteKeysWithPrefix } from '../../apps/server/src/ports/cache/delete-keys-with-prefix.js';
import { freePort, startServerProcess, type ServerProcess } from '../../apps/server/src/testing/server-process.js';
import { RUN_ID, service, unavailable } from '../../apps/server/src/testing/services.js';
import { createTestDatabase, type TestDatabase } from '../../apps/server/src/testing/test-database.js';
import { AccessLog, findNginx, followTicker, here, json, renderTemplate, request, ROLES_ALL, text, WEB_DIST, type Nginx, type RequestOptions } from './testing/nginx-harness.js';

const found = findNginx();
const nginxSkip = 'skipReason' in found ? unavailable('nginx proxy', found.skipReason) : undefined;

const [pg, redis] = nginxSkip ? [undefined, undefined] : await Promise.all([service('postgres'), service('redis')]);
const shared = Boolean(pg?.url && redis?.url);
const crossReplicaSkip = shared ? undefined : 'needs DATABASE_URL and REDIS_URL (replicas on embedded PGlite and memory share nothing)';
if (!nginxSkip && crossReplicaSkip) console.warn(`[skip] nginx cross-replica tests: ${crossReplicaSkip}`);

describe.skipIf(nginxSkip)('nginx (infra/nginx/cryptosim.conf) in front of two API replicas', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  let log: AccessLog;
  const replicas: Array<{ server: ServerProcess; upstream: string }> = [];
  let port = 0;
  let nginxOutput = '';
  let indexHtml = '';

  const upstreamOf = (server: ServerProcess) => new URL(server.url).host;
  const get = (pathname: string, options?: RequestOptions) => request(port, pathname, options);

  beforeAll(async () => {
    const { bin, mimeTypes } = found as Nginx;
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'cs-nginx-'));
    cleanups.push(() => rm(tmp, { recursive: true, force: true }));

    let env: Record<string, string> = { MARKET_SOURCE: 'simulator', TRUST_PROXY: '1' };
    let roles = [ROLES_ALL, ROLES_ALL];
    if (shared) {
      const database: TestDatabase = await createTestDatabase(pg!.url!);
      cleanups.push(() => database.drop());
      const prefix = `cs-test:${RUN_ID}:nginx:`;
      cleanups.push(() => deleteKeysWithPrefix(redis!.url!, prefix));
      env = { ...env, DATABASE_URL: database.url, REDIS_URL: redis!.url!, CACHE_KEY_PREFIX: prefix, JWT_SECRET: 'a-test-secret-that-is-at-least-32-characters' };
      roles = ['api,ingest,projector', 'api'];
    }
    // One after the other: should the build be stale, the first start rebuilds it alone.
    for (const r of roles) {
      const server = await startServerProcess({ ...env, ROLES: r });
      cleanups.push(() => server.stop());
      replicas.push({ server, upstream: upstreamOf(server) });
    }

    port = await freePort();
    const template = await readFile(path.join(here, 'cryptosim.conf'), 'utf8');
    const site = renderTemplate(template, {
      CRYPTOSIM_LISTEN_PORT: `127.0.0.1:${port}`,
      CRYPTOSIM_WEB_ROOT: WEB_DIST,
      CRYPTOSIM_API_SERVERS: replicas.map((r) => `server ${r.upstream};`).join('\n    '),
    });
    await writeFile(path.join(tmp, 'cryptosim.conf'), site);
    // Where builds other than Debian's open their default error log before reading -g.
    await mkdir(path.join(tmp, 'logs'));
    // The official image's nginx.conf, less what needs root: temp files under tmp, and
    // workers run as whoever runs the test (as root, nginx would switch them to nobody).
    await writeFile(
      path.join(tmp, 'nginx.conf'),
      [
        process.getuid?.() === 0 ? 'user root;' : '',
        'worker_processes 1;',
        'events { worker_connections 256; }',
        'http {',
        `    include ${mimeTypes};`,
        '    default_type application/octet-stream;',
        '    sendfile on;',
        '    keepalive_timeout 65;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${path.join(tmp, t)};`),
        `    include ${path.join(tmp, 'cryptosim.conf')};`,
        '}',
        '',
      ].join('\n'),
    );

    log = new AccessLog(path.join(tmp, 'access.log'));
    const stdout = openSync(log.file, 'a');
    const nginx: ChildProcess = spawn(
      bin,
      ['-p', tmp, '-c', path.join(tmp, 'nginx.conf'), '-g', `daemon off; pid ${path.join(tmp, 'nginx.pid')}; error_log stderr;`],
      { stdio: ['ignore', stdout, 'pipe'] },
    );
    closeSync(stdout);
    const exited = new Promise<void>((resolve) => nginx.once('exit', () => resolve()));
    cleanups.push(async () => {
      if (nginx.exitCode !== null || nginx.signalCode !== null) return;
      nginx.kill('SIGTERM');
      const killer = setTimeout(() => nginx.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    });
    nginx.stderr!.on('data', (d: Buffer) => (nginxOutput += d.toString('utf8')));

    const deadline = Date.now() + 10_000;
    for (;;) {
      if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${nginxOutput}`);
      try {
        if ((await get('/index.html')).status === 200) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`nginx did not answer within 10 s:\n${nginxOutput}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    indexHtml = await readFile(path.join(WEB_DIST, 'index.html'), 'utf8');
  }, 300_000);

  afterAll(async () => {
    // Newest first, one at a time (the replicas must be gone before their Redis keys are
    // deleted), and every one runs even when another fails or setup stopped half-way.
    const failures: unknown[] = [];
    for (const cleanup of cleanups.reverse()) await cleanup().catch((e: unknown) => failures.push(e));
    if (failures.length > 0) throw new Error(`cleanup failed: ${failures.map(String).join('; ')}`);
  }, 60_000);

  it('when a page or a deep link is asked for, then nginx serves index.html from disk, uncached, with the API server\'s security headers', async () => {
    const mark = log.mark();
    const home = await get('/');
    const deepLink = await get('/trade/BTCUSDT');
    for (const page of [home, deepLink]) {
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(text(page)).toBe(indexHtml);
      expect(page.headers['cache-control']).toBe('no-cache');
      for (const [name, value] of recordHelmet(HELMET_OPTIONS).set) {
        expect(page.headers[name.toLowerCase()], `${name} as security.ts sets it`).toBe(String(value));
      }
      expect(page.headers['x-powered-by']).toBeUndefined();
    }
    const lines = await log.since(mark, 2, (l) => l.path === '/' || l.path === '/trade/BTCUSDT');
    expect(lines.map((l) => [l.path, l.upstream])).toEqual([
      ['/', '-'],
      ['/trade/BTCUSDT', '-'],
    ]);
  });

  it('when a hashed asset is asked for, then it is cached for a year and gzipped; a missing file is a 404, not the page', async () => {
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(indexHtml)?.[1];
    expect(asset, 'index.html names a hashed script under /assets/').toBeDefined();
    const plain = await get(asset!);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.body.equals(await readFile(path.join(WEB_DIST, asset!)))).toBe(true);
    const gzipped = await get(asset!, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.body.length).toBeLessThan(plain.body.length);

    const missing = await get('/assets/no-such-file-0123abcd.js');
    expect(missing.status).toBe(404);
    expect(text(missing)).not.toContain('<div id="root">');
  });

  it('when /api, /docs, /openapi.json and the probes are asked for, then a replica answers each', async () => {
    const mark = log.mark();
    const symbols = await get('/api/market/symbols');
    expect(symbols.status).toBe(200);
    expect(symbols.headers['content-type']).toMatch(/^application\/json/);
    expect(json<{ symbols: Array<{ symbol: string }> }>(symbols).symbols.map((s) => s.symbol)).toContain('BTCUSDT');

    const unknown = await get('/api/no-such-route');
    expect(unknown.status, 'an unknown API path is the server\'s 404, not the web app').toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);

    expect(json<{ paths: Record<string, unknown> }>(await get('/openapi.json')).paths).toHaveProperty('/api/market/symbols');
    const docs = await get('/docs');
    expect(docs.status).toBeLessThan(400);
    expect(json<{ status: string }>(await get('/healthz')).status).toBe('ok');
    const ready = json<{ status: string; ports: Record<string, { impl: string }> }>(await get('/readyz'));
    expect(ready.status).toBe('ok');
    expect(ready.ports.db?.impl).toBe(shared ? 'postgres' : 'pglite');

    const paths = ['/api/market/symbols', '/api/no-such-route', '/openapi.json', '/docs', '/healthz', '/readyz'];
    const lines = await log.since(mark, 6, (l) => paths.includes(l.path));
    expect(lines.map((l) => l.path)).toEqual(paths);
    for (const l of lines) expect(replicas.map((r) => r.upstream), `${l.path} went to a replica`).toContain(l.upstream);
  });

  it('when several requests come in, then both replicas serve some of them', async () => {
    const mark = log.mark();
    for (let i = 0; i < 8; i++) expect((await get('/api/market/symbols')).status).toBe(200);
    const lines = await log.since(mark, 8, (l) => l.path === '/api/market/symbols');
    expect(new Set(lines.map((l) => l.upstream))).toEqual(new Set(replicas.map((r) => r.upstream)));
  });

  it('when /ws/prices is opened through nginx, then it upgrades and a subscribe gets a snapshot and then live tickers, on either replica', async () => {
    const mark = log.mark();
    // Round robin: consecutive sockets land on alternate replicas (B has no ingest of its own
    // in shared mode, so its tickers arrive through Redis pub/sub).
    for (let i = 0; i < 2; i++) {
      const frames = await followTicker(port);
      const first = frames.find((f) => f.type === 'snapshot' || f.type === 'ticker');
      expect(first?.type, 'the snapshot comes before any update').toBe('snapshot');
      expect(first?.data?.symbol).toBe('BTCUSDT');
      expect(frames.at(-1)?.data?.symbol).toBe('BTCUSDT');
    }
    const sockets = await log.since(mark, 2, (l) => l.path === '/ws/prices');
    expect(sockets.map((l) => l.status)).toEqual([101, 101]);
    expect(new Set(sockets.map((l) => l.upstream))).toEqual(new Set(replicas.map((r) => r.upstream)));
  });

  it('when a body is over the server\'s 1 MiB limit, then the server refuses it as problem+json; far over, nginx does', async () => {
    const login = (bytes: number) =>
      get('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'x'.repeat(bytes), password: 'p' }),
      });
    const mark = log.mark();
    const over = await login(1.5 * 1024 * 1024);
    expect(over.status).toBe(413);
    expect(over.headers['content-type']).toMatch(/^application\/problem\+json/);
    const farOver = await login(3 * 1024 * 1024);
    expect(farOver.status).toBe(413);
    const lines = await log.since(mark, 2, (l) => l.path === '/api/auth/login');
    expect(replicas.map((r) => r.upstream)).toContain(lines[0]?.upstream);
    expect(lines[1]?.upstream, 'nginx refused it without passing it on').toBe('-');
  });

  it.skipIf(crossReplicaSkip)('when one client guesses passwords, then the limit counts its address across both replicas, whatever X-Forwarded-For it sends', async () => {
    const username = `nobody_${RUN_ID}`;
    const attempt = (localAddress: string, spoofed: string) =>
      get('/api/auth/login', {
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': spoofed },
        body: JSON.stringify({ username, password: 'not-the-password' }),
      });
    const mark = log.mark();
    const statuses: number[] = [];
    // A different claimed address each time: were it believed, no counter would reach 5.
    for (let i = 1; i <= 6; i++) statuses.push((await attempt('127.0.0.2', `198.51.100.${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await attempt('127.0.0.3', '198.51.100.1')).status, 'another client is not limited by the first').toBe(401);
    const lines = await log.since(mark, 6, (l) => l.client === '127.0.0.2');
    expect(new Set(lines.map((l) => l.upstream)), 'the attempts were spread over both replicas').toEqual(
      new Set(replicas.map((r) => r.upstream)),
    );
  });

  it.skipIf(crossReplicaSkip)('when a user registers through one replica, then the session works on both', async () => {
    const username = `nginx_${RUN_ID}`;
    const registered = await get('/api/auth/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, email: `${username}@example.com`, password: 'correct horse battery' }),
    });
    expect(registered.status).toBe(201);
    const { accessToken } = json<{ accessToken: string }>(registered);
    const mark = log.mark();
    for (let i = 0; i < 4; i++) {
      const me = await get('/api/auth/me', { headers: { authorization: `Bearer ${accessToken}` } });
      expect(me.status).toBe(200);
      expect(json<{ username: string }>(me).username).toBe(username);
    }
    const lines = await log.since(mark, 4, (l) => l.path === '/api/auth/me');
    expect(new Set(lines.map((l) => l.upstream))).toEqual(new Set(replicas.map((r) => r.upstream)));
  });

  it('when one replica stops, then nginx sends every request to the other', async () => {
    const [alive, stopped] = replicas as [(typeof replicas)[number], (typeof replicas)[number]];
    expect(await stopped.server.stop('SIGTERM')).toBe(0);
    const mark = log.mark();
    for (let i = 0; i < 6; i++) expect((await get('/api/market/symbols')).status).toBe(200);
    const lines = await log.since(mark, 6, (l) => l.path === '/api/market/symbols');
    // A request that first tried the stopped replica shows both addresses, ending with the live one.
    for (const l of lines) expect(l.upstream.split(', ').at(-1)).toBe(alive.upstream);
  });
});
