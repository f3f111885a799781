/**
 * Revocation across replicas: a real server process (`npm start`, replica A) revokes a key
 * while this test process, holding its own authenticator and its own PostgreSQL pool (replica
 * B, as the Binance-compatible routes hold one), has just accepted that key and cached its
 * secret. B must refuse the key on its very next request, with no wait: revocation is read from
 * the shared database on every request, never from a per-process cache.
 * Skipped without DATABASE_URL and REDIS_URL (a failure under CI).
 */
import { createHmac } from 'node:crypto';
import { pino } from 'pino';
import type { AuthResponse, CreateApiKeyResponse } from '@cryptosim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import type { Ports } from '../../../kernel/ports.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { createPostgresDb } from '../../../ports/db/postgres-db.js';
import { deleteKeysWithPrefix } from '../../../ports/cache/delete-keys-with-prefix.js';
import { RUN_ID, service } from '../../../testing/services.js';
import { startServerProcess, type ServerProcess } from '../../../testing/server-process.js';
import { createTestDatabase, type TestDatabase } from '../../../testing/test-database.js';
import { apiKeyAuthenticator } from '../index.js';

const pg = await service('postgres');
const redis = await service('redis');
const silent = pino({ level: 'silent' });
const SECRET_MATERIAL = 'cross-process-api-keys-'.padEnd(48, 'k');

async function call<T>(base: string, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
}

describe.skipIf(!pg.url || !redis.url)('API-key revocation across processes on one PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let replicaB: DbPort;
  let a: ServerProcess;
  const keyPrefix = `cs-test-${RUN_ID}-apikeys:`;

  beforeAll(async () => {
    database = await createTestDatabase(pg.url!);
    replicaB = createPostgresDb({ url: database.url, logger: silent, poolSize: 4 });
    await replicaB.migrate();
    a = await startServerProcess({
      DATABASE_URL: database.url,
      REDIS_URL: redis.url!,
      CACHE_KEY_PREFIX: keyPrefix,
      JWT_SECRET: 'cross-process-jwt-'.padEnd(40, 'j'),
      API_KEY_ENCRYPTION_SECRET: SECRET_MATERIAL,
      ROLES: 'api',
      MARKET_SOURCE: 'simulator',
      TRUST_PROXY: 'true',
    });
  }, 240_000);

  afterAll(async () => {
    await a?.stop();
    await replicaB?.close();
    await database?.drop();
    if (redis.url) await deleteKeysWithPrefix(redis.url, keyPrefix);
  });

  it('when process A revokes a key that process B has just accepted, then B refuses its next request as REVOKED', async () => {
    const name = `apikey_x_${process.pid}_${Date.now().toString(36)}`;
    const registered = await call<AuthResponse>(a.url, 'POST', '/api/auth/register', { 'x-forwarded-for': '10.88.0.1' }, { username: name, email: `${name}@example.com`, password: 'correct horse battery' });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    const headers = { authorization: `Bearer ${registered.body.accessToken}` };
    const made = await call<CreateApiKeyResponse>(a.url, 'POST', '/api/auth/api-keys', headers, { label: 'bot', permissions: ['read', 'trade'] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { apiKey, secret } = made.body;

    // Replica B: same configuration as A (the secret made by A decrypts here), its own pool.
    const b = apiKeyAuthenticator({ config: loadConfig({ JWT_SECRET: 'cross-process-jwt-'.padEnd(40, 'j'), API_KEY_ENCRYPTION_SECRET: SECRET_MATERIAL }), ports: { db: replicaB } as Ports, logger: silent });
    const payload = `symbol=BTCUSDT&side=BUY&type=MARKET&quoteOrderQty=10&timestamp=${Date.now()}`;
    const request = { apiKey: apiKey.key, payload, signature: createHmac('sha256', secret!).update(payload).digest('hex'), ip: '10.88.0.2' };
    expect(await b.verify(request)).toEqual({ ok: true, principal: { keyId: apiKey.id, userId: registered.body.user.id, permissions: { read: true, trade: true } } });

    const revoked = await call(a.url, 'DELETE', `/api/auth/api-keys/${apiKey.id}`, headers);
    expect(revoked.status).toBe(204);
    expect(await b.verify(request)).toEqual({ ok: false, reason: 'REVOKED' });
    expect(await b.identify(request)).toEqual({ ok: false, reason: 'REVOKED' });
  });
});
