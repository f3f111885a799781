/**
 * Requests Node's HTTP parser refuses before Fastify routes them (headers over the size
 * limit, malformed HTTP) still get problem+json, through the app as buildApp composes it.
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './build-app.js';
import { loadConfig } from '../config.js';
import { createMarketSource } from '../modules/market/index.js';
import { MemoryBus } from '../ports/bus/memory-bus.js';
import { MemoryCache } from '../ports/cache/memory-cache.js';
import { openPgliteDb } from '../ports/db/pglite-db.js';
import { MemoryJobs } from '../ports/jobs/memory-jobs.js';
import type { Ports } from '../kernel/ports.js';

/** Sends `raw` on a fresh connection and resolves with everything the server wrote back. */
function exchange(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' }, () => socket.write(raw));
    let reply = '';
    socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
    socket.on('close', () => resolve(reply));
    socket.on('error', (err) => (reply ? resolve(reply) : reject(err)));
  });
}

function parse(reply: string) {
  const [head, body] = reply.split('\r\n\r\n');
  const status = Number(head!.split(' ')[1]);
  const contentType = /content-type: ([^\r\n]+)/i.exec(head!)?.[1];
  return { status, contentType, problem: JSON.parse(body!) as { status: number; code: string; detail: string } };
}

describe("Node's HTTP parser refusals", () => {
  let app: FastifyInstance;
  let ports: Ports;
  let port: number;

  beforeAll(async () => {
    const silent = pino({ level: 'silent' });
    const config = loadConfig({ DATA_DIR: '/tmp/cs-unused', JWT_SECRET: 'x'.repeat(40), MARKET_SOURCE: 'simulator' });
    ports = {
      db: await openPgliteDb({ dataDir: null, logger: silent }),
      cache: new MemoryCache(silent),
      bus: new MemoryBus({ logger: silent }),
      jobs: new MemoryJobs(silent),
      market: createMarketSource({ market: config.market, logger: silent }),
    };
    app = await buildApp(config, ports, { modules: [] });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as net.AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), ports.cache.close(), ports.db.close()]);
  });

  it('when the headers are over the size limit, then the reply is a 431 problem+json', async () => {
    const reply = parse(await exchange(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
    expect(reply.status).toBe(431);
    expect(reply.contentType).toBe('application/problem+json');
    expect(reply.problem).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
  });

  it('when the request is not valid HTTP, then the reply is a 400 problem+json', async () => {
    const reply = parse(await exchange(port, 'HELLO THERE\r\n\r\n'));
    expect(reply.status).toBe(400);
    expect(reply.contentType).toBe('application/problem+json');
    expect(reply.problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
