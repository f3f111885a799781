/**
 * An HMAC key's secret never reaches a log line: not when the key is created (the reply that
 * carries it), listed, used or revoked, even at the most verbose log level.
 */
import { createHmac } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { CreateApiKeyResponse } from '@cryptosim/contracts';
import type { FastifyInstance } from 'fastify';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app/build-app.js';
import { loadConfig } from '../../../config.js';
import type { Ports } from '../../../kernel/ports.js';
import { MemoryBus } from '../../../ports/bus/memory-bus.js';
import { MemoryCache } from '../../../ports/cache/memory-cache.js';
import { openPgliteDb } from '../../../ports/db/pglite-db.js';
import { MemoryJobs } from '../../../ports/jobs/memory-jobs.js';
import { createMarketSource } from '../../market/index.js';
import { accountsModule, apiKeyAuthenticator } from '../index.js';
import { bearer, registerUser } from '../testing/clients.js';

describe('API-key secrets and the log', () => {
  const lines: string[] = [];
  let app: FastifyInstance;
  let ports: Ports;
  let dataDir: string;
  let config: ReturnType<typeof loadConfig>;
  let logger: pino.Logger;

  beforeAll(async () => {
    const silent = pino({ level: 'silent' });
    logger = pino({ level: 'trace' }, new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-apikey-log-'));
    config = loadConfig({ DATA_DIR: dataDir, JWT_SECRET: 'log-secret-'.padEnd(40, 'x'), ROLES: 'api', MARKET_SOURCE: 'simulator', TRUST_PROXY: 'true', LOG_LEVEL: 'trace' });
    const db = await openPgliteDb({ dataDir: null, logger: silent });
    await db.migrate();
    ports = { db, cache: new MemoryCache(silent), bus: new MemoryBus({ logger: silent }), jobs: new MemoryJobs(silent), market: createMarketSource({ market: config.market, logger: silent }) };
    app = await buildApp(config, ports, { logger, modules: [accountsModule] });
    await app.ready();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), ports.cache.close()]);
    await ports?.db.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('when a key is created, listed, used with a wrong and a right signature and revoked, then no log line holds its secret', async () => {
    const user = await registerUser(app);
    const res = await app.inject({ method: 'POST', url: '/api/auth/api-keys', headers: bearer(user.accessToken), payload: { label: 'logged?', permissions: ['read'] } });
    expect(res.statusCode, res.body).toBe(201);
    const { apiKey, secret } = res.json() as CreateApiKeyResponse;
    await app.inject({ url: '/api/auth/api-keys', headers: bearer(user.accessToken) });
    const auth = apiKeyAuthenticator({ config, ports, logger });
    const signature = createHmac('sha256', secret!).update('a=1').digest('hex');
    expect(await auth.verify({ apiKey: apiKey.key, payload: 'a=1', signature, ip: '127.0.0.1' })).toMatchObject({ ok: true });
    expect(await auth.verify({ apiKey: apiKey.key, payload: 'a=2', signature, ip: '127.0.0.1' })).toMatchObject({ ok: false });
    await app.inject({ method: 'DELETE', url: `/api/auth/api-keys/${apiKey.id}`, headers: bearer(user.accessToken) });

    const log = lines.join('');
    // The log did record the events, so the absence below is not an empty log's.
    expect(log).toContain('api key created');
    expect(log).toContain('api key revoked');
    expect(log).toContain('/api/auth/api-keys');
    expect(log).not.toContain(secret!);
    expect(log).not.toContain(secret!.slice(0, 16));
  });
});
