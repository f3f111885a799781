import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Type from 'typebox';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { buildApp } from './build-app.js';
import { closePorts, createPorts } from './create-ports.js';
import { Readiness, type Ports } from '../kernel/ports.js';
import { loadConfig } from '../config.js';
import { AppError } from '../kernel/app-error.js';
import { DRAIN_REFUSED_BODY_BYTES } from '../kernel/error-handler.js';
import { freePort } from '../testing/server-process.js';

const silent = pino({ level: 'silent' });

describe('buildApp in embedded mode', () => {
  let dataDir: string;
  let ports: Ports;
  let app: FastifyInstance;
  const readiness = new Readiness();

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-app-'));
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(32) });
    ports = await createPorts(config, silent);
    await ports.db.migrate();
    app = await buildApp(config, ports, { readiness });
    // Routes that exist only in this test, to drive the error handler through real requests.
    app.post(
      '/test/orders',
      {
        schema: {
          body: Type.Object(
            { symbol: Type.String({ minLength: 1 }), quantity: Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$' }) },
            { additionalProperties: false },
          ),
        },
      },
      async () => ({ ok: true }),
    );
    app.get('/test/expected-failure', async () => {
      throw new AppError('INSUFFICIENT_BALANCE', 400, 'Not enough USDT: need 10, have 5');
    });
    app.get('/test/nul', async () => {
      await ports.db.db.execute(sql`select ${'a\u0000b'}::text`);
    });
    app.get('/test/bug', async () => {
      throw new Error('relation "secret_table" does not exist at /srv/app.js:12');
    });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    if (ports) await closePorts(ports);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when /healthz is called, then it answers 200 ok', async () => {
    const res = await app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('when every port is usable, then /readyz answers 200 naming the embedded implementations', async () => {
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      ports: {
        db: { impl: 'pglite', ok: true },
        cache: { impl: 'memory', ok: true },
        bus: { impl: 'memory', ok: true },
        jobs: { impl: 'memory', ok: true },
        market: { impl: 'simulator', ok: true },
      },
      // This app never ran start-up, so no market world was settled.
      world: null,
    });
  });

  it('when a port still has start-up work pending, then /readyz answers 503 naming it and why', async () => {
    readiness.waitFor('db', 'migrations not applied yet');
    try {
      const res = await app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json().ports.db).toEqual({ impl: 'pglite', ok: false, error: 'migrations not applied yet' });
      expect(res.json().ports.cache.ok).toBe(true);
    } finally {
      readiness.done('db');
    }
  });

  it('when a route does not exist, then the reply is problem+json NOT_FOUND', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
  });

  it('when a body breaks its schema, then 400 VALIDATION_FAILED lists each field', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/orders', payload: { symbol: '', quantity: 5, extra: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    const paths = body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['body/symbol', 'body/quantity', 'body/extra']));
  });

  it('when a money field is a JSON number, then it is refused rather than coerced to a string', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/orders', payload: { symbol: 'BTCUSDT', quantity: 1.5 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'body/quantity', message: 'must be string' }]);
  });

  it('when the body is not valid JSON, then 400 problem+json', async () => {
    const res = await app.inject({ method: 'POST', url: '/test/orders', headers: { 'content-type': 'application/json' }, payload: '{"symbol":' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('when the body is over 1 MB, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/test/orders',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ symbol: 'x'.repeat(3 * 1024 * 1024), quantity: '1' }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when a proxy sends a refused body whole over a real socket, then it gets the 413, every byte is read and the connection serves the next request', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    const socketErrors: Error[] = [];
    socket.on('error', (e) => socketErrors.push(e));
    const body = Buffer.alloc(Math.floor(1.5 * 1024 * 1024), 'x');
    socket.write(`POST /test/orders HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    // As nginx does: the body follows in chunks, still arriving after the server has answered.
    for (let at = 0; at < body.length; at += 64 * 1024) {
      if (!socket.write(body.subarray(at, at + 64 * 1024))) await once(socket, 'drain');
      await new Promise((r) => setImmediate(r));
    }
    socket.write('GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n');
    const deadline = Date.now() + 10_000;
    while (!/HTTP\/1\.1 200[\s\S]*"status":"ok"/.test(received) && !socket.destroyed && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    socket.destroy();
    expect(socketErrors.map((e) => e.message), 'the server reset the connection while the body was still arriving').toEqual([]);
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.split('\r\n\r\n')[0], 'the 413 keeps the connection').not.toMatch(/connection: close/i);
    expect(received, 'the next request on the same connection was answered').toMatch(/HTTP\/1\.1 200[\s\S]*"status":"ok"/);
  });

  it('when the declared body is far over the limit, then the 413 closes the connection instead of reading it', async () => {
    if (!app.server.listening) await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    socket.on('error', () => {});
    socket.write(`POST /test/orders HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: ${DRAIN_REFUSED_BODY_BYTES + 1}\r\n\r\n`);
    await once(socket, 'close');
    expect(received).toMatch(/^HTTP\/1\.1 413 /);
    expect(received.split('\r\n\r\n')[0]).toMatch(/connection: close/i);
  });

  it('when the domain throws an AppError, then its status, code and message reach the client', async () => {
    const res = await app.inject('/test/expected-failure');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'INSUFFICIENT_BALANCE', detail: 'Not enough USDT: need 10, have 5' });
  });

  it('when text PostgreSQL cannot store reaches the database, then 400 VALIDATION_FAILED, not a 500', async () => {
    const res = await app.inject('/test/nul');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });

  it('when a bug throws, then 500 INTERNAL_ERROR carries no message, SQL or stack', async () => {
    const res = await app.inject('/test/bug');
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('INTERNAL_ERROR');
    expect(res.body).not.toMatch(/secret_table|\/srv\/app\.js|at /);
  });

  it('when /openapi.json and /docs are requested, then the generated document and Swagger UI are served', async () => {
    const doc = await app.inject('/openapi.json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect(Object.keys(doc.json().paths)).toEqual(expect.arrayContaining(['/healthz', '/readyz']));
    const ui = await app.inject('/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});

describe('buildApp when a service is unreachable', () => {
  it('when Redis is configured but down, then /readyz answers 503 naming cache and jobs, and the rest stays ok', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-app-down-'));
    const deadRedis = `redis://127.0.0.1:${await freePort()}`;
    const config = loadConfig({ DATA_DIR: dataDir, REDIS_URL: deadRedis, JWT_SECRET: 'x'.repeat(32) });
    const ports = await createPorts(config, silent);
    const app = await buildApp(config, ports);
    try {
      await ports.db.migrate();
      const res = await app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      const body = res.json();
      expect(body.status).toBe('unavailable');
      expect(body.ports.cache).toMatchObject({ impl: 'redis', ok: false });
      expect(body.ports.jobs).toMatchObject({ impl: 'bullmq', ok: false });
      expect(body.ports.db).toEqual({ impl: 'pglite', ok: true });
      expect(body.ports.bus).toEqual({ impl: 'memory', ok: true });
    } finally {
      await app.close();
      await closePorts(ports);
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
