/**
 * Credentials never reach the log: a WebSocket opened with `?token=` (and any URL carrying a
 * token parameter) is logged with the value redacted.
 */
import { Writable } from 'node:stream';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './build-app.js';
import { loadConfig } from '../config.js';
import { redactUrl } from '../kernel/redact-url.js';
import { accountsModule } from '../modules/accounts/index.js';
import { registerUser } from '../modules/accounts/testing/clients.js';
import { openSocket } from '../modules/accounts/testing/socket-client.js';
import { createMarketSource } from '../modules/market/index.js';
import { MemoryBus } from '../ports/bus/memory-bus.js';
import { MemoryCache } from '../ports/cache/memory-cache.js';
import { openPgliteDb } from '../ports/db/pglite-db.js';
import { MemoryJobs } from '../ports/jobs/memory-jobs.js';
import type { Ports } from '../kernel/ports.js';

describe('log redaction', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let ports: Ports;
  let dataDir: string;
  let wsUrl: string;

  beforeAll(async () => {
    const silent = pino({ level: 'silent' });
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-redact-'));
    const config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'redact-secret-'.padEnd(40, 'x'), ROLES: 'api', MARKET_SOURCE: 'simulator', TRUST_PROXY: 'true' });
    const db = await openPgliteDb({ dataDir: null, logger: silent });
    await db.migrate();
    ports = { db, cache: new MemoryCache(silent), bus: new MemoryBus({ logger: silent }), jobs: new MemoryJobs(silent), market: createMarketSource({ market: config.market, logger: silent }) };
    app = await buildApp(config, ports, { logger, modules: [accountsModule] });
    wsUrl = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), ports.cache.close()]);
    await ports?.db.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('when a socket authenticates with ?token=, then the log shows the path with the token redacted', async () => {
    const user = await registerUser(app);
    const socket = await openSocket(`${wsUrl}/ws/orders?token=${user.accessToken}`);
    expect(await socket.next()).toMatchObject({ type: 'authenticated' });
    socket.ws.close();
    await app.inject({ url: `/api/auth/me?a=1&token=${user.accessToken}&refreshToken=${user.refreshToken}` });
    const log = lines.join('');
    expect(log).toContain('"url":"/ws/orders?token=[redacted]"');
    expect(log).toContain('"url":"/api/auth/me?a=1&token=[redacted]&refreshToken=[redacted]"');
    expect(log).not.toContain(user.accessToken);
    expect(log).not.toContain(user.refreshToken);
  });

  it('when a URL has no credential, then it is logged unchanged', () => {
    expect(redactUrl('/api/market/history?symbol=BTCUSDT&limit=5')).toBe('/api/market/history?symbol=BTCUSDT&limit=5');
    expect(redactUrl('/ws/orders?x=1&TOKEN=abc#f')).toBe('/ws/orders?x=1&TOKEN=[redacted]#f');
  });
});
