/**
 * The API-key routes and the authenticator other modules use, on PGlite and on PostgreSQL +
 * Redis: create, list and revoke; validation; owner isolation; the secret shown once and
 * stored only encrypted; Binance's documented signature through the authenticator; a revoked
 * key refused on its next request.
 */
import { generateKeyPairSync, createHmac, sign } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { ApiKey, ApiKeysResponse, CreateApiKeyResponse } from '@cryptosim/contracts';
import { MAX_API_KEYS_PER_USER } from '@cryptosim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import { apiKeys } from '../../../db/schema.js';
import type { Ports } from '../../../kernel/ports.js';
import type { Database } from '../../../ports/db/db-port.js';
import { apiKeyAuthenticator, type ApiKeyAuthenticator } from '../index.js';
import { bearer, expectProblem, registerUser, type TestUser } from '../testing/clients.js';
import { startTestApp, TEST_JWT_SECRET, testBackends, type TestStorage, type TestApp } from '../../../testing/test-app.js';
import { createApiKeyAuthenticator } from './api-key-authenticator.js';
import { insertApiKeyWithin } from './api-key-repository.js';
import { randomToken } from './random-token.js';
import { SecretBox } from './secret-box.js';

const silent = pino({ level: 'silent' });
const BINANCE_API_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const BINANCE_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const BINANCE_PAYLOAD = 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
const BINANCE_SIGNATURE = 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71';
const hmacHex = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

/** The database with a count of the queries the authenticator starts (each lookup is one select). */
function countingSelects(db: Database): { db: Database; readonly selects: number } {
  let selects = 0;
  const counted = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop !== 'select' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        selects++;
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    db: counted,
    get selects() {
      return selects;
    },
  };
}

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`API keys on ${backend.name}`, () => {
    let storage: TestStorage;
    let test: TestApp;
    let alice: TestUser;
    let bob: TestUser;
    let auth: ApiKeyAuthenticator;

    beforeAll(async () => {
      storage = await backend.open();
      test = await startTestApp({ on: storage });
      [alice, bob] = [await registerUser(test.app), await registerUser(test.app)];
      // The factory other modules call, with the same configuration as the app (key material: the JWT secret).
      const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET });
      auth = apiKeyAuthenticator({ config, ports: { db: storage.db } as Ports, logger: silent });
    });
    afterAll(async () => {
      await test?.close();
      await storage?.close();
    });

    const create = (user: TestUser, payload: Record<string, unknown>) =>
      test.app.inject({ method: 'POST', url: '/api/auth/api-keys', headers: bearer(user.accessToken), payload });
    const list = async (user: TestUser) => {
      const res = await test.app.inject({ url: '/api/auth/api-keys', headers: bearer(user.accessToken) });
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    const revoke = (user: TestUser, id: string) => test.app.inject({ method: 'DELETE', url: `/api/auth/api-keys/${id}`, headers: bearer(user.accessToken) });
    const created = async (user: TestUser, payload: Record<string, unknown>) => {
      const res = await create(user, payload);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as CreateApiKeyResponse;
    };

    it('when an HMAC key is created, then the reply holds a 64-character key and secret that sign requests, and the list never shows the secret', async () => {
      const dave = await registerUser(test.app);
      const { apiKey, secret } = await created(dave, { label: ' my bot ', permissions: ['read', 'trade'] });
      expect(apiKey).toMatchObject({ label: 'my bot', type: 'HMAC_SHA256', permissions: ['read', 'trade'], ipAllowlist: [], publicKey: null, lastUsedAt: null });
      expect(apiKey.key).toMatch(/^[A-Za-z0-9]{64}$/);
      expect(secret).toMatch(/^[A-Za-z0-9]{64}$/);

      const payload = `symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&timestamp=${Date.now()}`;
      expect(await auth.verify({ apiKey: apiKey.key, payload, signature: hmacHex(secret!, payload), ip: '198.51.100.4' })).toEqual({
        ok: true,
        principal: { keyId: apiKey.id, userId: dave.user.id, permissions: { read: true, trade: true } },
      });
      expect(await auth.verify({ apiKey: apiKey.key, payload, signature: hmacHex(secret!, `${payload}1`), ip: '198.51.100.4' })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });

      const listed = await list(dave);
      expect(listed.body).not.toContain(secret!);
      expect((listed.json() as ApiKeysResponse).apiKeys.find((k) => k.id === apiKey.id)).toMatchObject({ key: apiKey.key, label: 'my bot' });
    });

    it('when the key is stored, then the column holds a ciphertext that is not the secret and opens only for that key', async () => {
      const { apiKey, secret } = await created(await registerUser(test.app), { label: 'at rest', permissions: ['read'] });
      const [row] = await storage.db.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
      expect(row!.secretCiphertext).toBeTruthy();
      expect(row!.secretCiphertext).not.toContain(secret!);
      expect(JSON.stringify(row)).not.toContain(secret!);
      const box = new SecretBox(TEST_JWT_SECRET);
      expect(box.open(row!.secretCiphertext!, apiKey.key)).toBe(secret);
      expect(() => box.open(row!.secretCiphertext!, randomToken())).toThrow();
    });

    it("when Binance's documented example key is stored, then the authenticator accepts Binance's documented signature", async () => {
      const box = new SecretBox(TEST_JWT_SECRET);
      const row = await insertApiKeyWithin(
        storage.db.db,
        { userId: bob.user.id, label: 'binance docs', type: 'HMAC_SHA256', apiKey: BINANCE_API_KEY, secretCiphertext: box.seal(BINANCE_SECRET, BINANCE_API_KEY), canRead: true, canTrade: false },
        MAX_API_KEYS_PER_USER,
      );
      expect(await auth.verify({ apiKey: BINANCE_API_KEY, payload: BINANCE_PAYLOAD, signature: BINANCE_SIGNATURE, ip: '127.0.0.1' })).toEqual({
        ok: true,
        principal: { keyId: row!.id, userId: bob.user.id, permissions: { read: true, trade: false } },
      });
      expect(await auth.verify({ apiKey: BINANCE_API_KEY, payload: BINANCE_PAYLOAD.replace('0.1', '0.2'), signature: BINANCE_SIGNATURE, ip: '127.0.0.1' })).toMatchObject({ reason: 'BAD_SIGNATURE' });
      expect(await auth.identify({ apiKey: BINANCE_API_KEY, ip: '127.0.0.1' })).toMatchObject({ ok: true });
    });

    it('when an Ed25519 public key is registered, then base64 Ed25519 signatures of the payload verify and no secret is returned', async () => {
      const { publicKey, privateKey } = generateKeyPairSync('ed25519');
      const { apiKey, secret } = await created(await registerUser(test.app), { label: 'ed', type: 'ED25519', permissions: ['read'], publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
      expect(secret).toBeNull();
      expect(apiKey).toMatchObject({ type: 'ED25519', permissions: ['read'], publicKey: expect.stringContaining('BEGIN PUBLIC KEY') });
      const payload = `timestamp=${Date.now()}&recvWindow=5000`;
      const signature = sign(null, Buffer.from(payload), privateKey).toString('base64');
      expect(await auth.verify({ apiKey: apiKey.key, payload, signature, ip: '::1' })).toMatchObject({ ok: true, principal: { permissions: { read: true, trade: false } } });
      const other = sign(null, Buffer.from(payload), generateKeyPairSync('ed25519').privateKey).toString('base64');
      expect(await auth.verify({ apiKey: apiKey.key, payload, signature: other, ip: '::1' })).toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
    });

    it('when the request is invalid, then it is 400 VALIDATION_FAILED naming the field, and nothing is created', async () => {
      // Its own user: the requests below count towards the per-user creation limit.
      const erin = await registerUser(test.app);
      const before = (await list(erin)).json() as ApiKeysResponse;
      const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const edPrivate = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const cases: [Record<string, unknown>, string][] = [
        [{ label: 'x', permissions: [] }, '/permissions'],
        [{ label: 'x', permissions: ['withdraw'] }, '/permissions/0'],
        [{ label: 'x', permissions: ['read', 'read'] }, '/permissions'],
        [{ label: '   ', permissions: ['read'] }, '/label'],
        [{ label: 'x'.repeat(65), permissions: ['read'] }, '/label'],
        [{ label: 'x', permissions: ['read'], ipAllowlist: ['10.0.0.1', '10.0.0.0/33'] }, '/ipAllowlist/1'],
        [{ label: 'x', permissions: ['read'], ipAllowlist: ['example.com'] }, '/ipAllowlist/0'],
        [{ label: 'x', permissions: ['read'], type: 'RSA' }, '/type'],
        [{ label: 'x', permissions: ['read'], type: 'ED25519' }, '/publicKey'],
        [{ label: 'x', permissions: ['read'], type: 'ED25519', publicKey: rsa }, '/publicKey'],
        [{ label: 'x', permissions: ['read'], type: 'ED25519', publicKey: edPrivate }, '/publicKey'],
        [{ label: 'x', permissions: ['read'], publicKey: rsa }, '/publicKey'],
        [{ label: 'x', permissions: ['read'], secret: 'mine' }, ''],
      ];
      for (const [payload, path] of cases) {
        const body = expectProblem(await create(erin, payload), 400, 'VALIDATION_FAILED');
        const paths = (body.errors as { path: string }[]).map((e) => e.path);
        expect(paths.some((p) => p === `body${path}` || (path === '' && p.startsWith('body'))), `${JSON.stringify(payload)} → ${JSON.stringify(paths)}`).toBe(true);
      }
      expect(((await list(erin)).json() as ApiKeysResponse).apiKeys).toHaveLength(before.apiKeys.length);
    });

    it('when a key has an IP allow-list, then it is stored normalised and refuses other addresses', async () => {
      const { apiKey, secret } = await created(await registerUser(test.app), { label: 'ip', permissions: ['read'], ipAllowlist: ['203.0.113.9', '2001:DB8::/32', '203.0.113.9'] });
      expect(apiKey.ipAllowlist).toEqual(['203.0.113.9', '2001:db8::/32']);
      const payload = 'timestamp=1';
      const signature = hmacHex(secret!, payload);
      expect(await auth.verify({ apiKey: apiKey.key, payload, signature, ip: '203.0.113.9' })).toMatchObject({ ok: true });
      expect(await auth.verify({ apiKey: apiKey.key, payload, signature, ip: '2001:db8:5::1' })).toMatchObject({ ok: true });
      expect(await auth.verify({ apiKey: apiKey.key, payload, signature, ip: '203.0.113.10' })).toEqual({ ok: false, reason: 'IP_NOT_ALLOWED' });
      expect(await auth.identify({ apiKey: apiKey.key, ip: '198.51.100.1' })).toEqual({ ok: false, reason: 'IP_NOT_ALLOWED' });
    });

    it("when another user lists or revokes, then they see none of the owner's keys and get 404, and the key keeps working", async () => {
      const { apiKey, secret } = await created(alice, { label: 'mine', permissions: ['read'] });
      const bobs = (await list(bob)).json() as ApiKeysResponse;
      expect(bobs.apiKeys.map((k) => k.id)).not.toContain(apiKey.id);
      expectProblem(await revoke(bob, apiKey.id), 404, 'NOT_FOUND');
      expectProblem(await revoke(bob, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
      expectProblem(await revoke(bob, 'not-a-uuid'), 400, 'VALIDATION_FAILED');
      expect(await auth.verify({ apiKey: apiKey.key, payload: 'a=1', signature: hmacHex(secret!, 'a=1'), ip: '127.0.0.1' })).toMatchObject({ ok: true });
    });

    it('when a key is revoked, then it leaves the list, its next request is refused as REVOKED, its secret is erased, and a second revoke is 404', async () => {
      const frank = await registerUser(test.app);
      const { apiKey, secret } = await created(frank, { label: 'to revoke', permissions: ['read', 'trade'] });
      const signed = { apiKey: apiKey.key, payload: 'x=1', signature: hmacHex(secret!, 'x=1'), ip: '127.0.0.1' };
      expect(await auth.verify(signed)).toMatchObject({ ok: true });
      expect((await revoke(frank, apiKey.id)).statusCode).toBe(204);
      expect(await auth.verify(signed)).toEqual({ ok: false, reason: 'REVOKED' });
      expect(await auth.identify(signed)).toEqual({ ok: false, reason: 'REVOKED' });
      expect(((await list(frank)).json() as ApiKeysResponse).apiKeys.map((k: ApiKey) => k.id)).not.toContain(apiKey.id);
      const [row] = await storage.db.db.select().from(apiKeys).where(eq(apiKeys.id, apiKey.id));
      expect(row).toMatchObject({ secretCiphertext: null, revokedAt: expect.any(Date) });
      expectProblem(await revoke(frank, apiKey.id), 404, 'NOT_FOUND');
    });

    it('when the key is unknown or not shaped like a key, then it is UNKNOWN_KEY', async () => {
      expect(await auth.verify({ apiKey: randomToken(), payload: 'a', signature: 'b', ip: '127.0.0.1' })).toEqual({ ok: false, reason: 'UNKNOWN_KEY' });
      expect(await auth.verify({ apiKey: "' or 1=1 --", payload: 'a', signature: 'b', ip: '127.0.0.1' })).toEqual({ ok: false, reason: 'UNKNOWN_KEY' });
      expect(await auth.identify({ apiKey: '', ip: '127.0.0.1' })).toEqual({ ok: false, reason: 'UNKNOWN_KEY' });
    });

    it(`when a user already holds ${MAX_API_KEYS_PER_USER} live keys, then another is 409 CONFLICT until one is revoked`, async () => {
      const carol = await registerUser(test.app);
      const box = new SecretBox(TEST_JWT_SECRET);
      for (let i = 0; i < MAX_API_KEYS_PER_USER - 1; i += 1) {
        const key = randomToken();
        await insertApiKeyWithin(storage.db.db, { userId: carol.user.id, label: `k${i}`, type: 'HMAC_SHA256', apiKey: key, secretCiphertext: box.seal(randomToken(), key), canRead: true, canTrade: false }, MAX_API_KEYS_PER_USER);
      }
      const last = await created(carol, { label: 'thirtieth', permissions: ['read'] });
      expectProblem(await create(carol, { label: 'one too many', permissions: ['read'] }), 409, 'CONFLICT');
      expect((await revoke(carol, last.apiKey.id)).statusCode).toBe(204);
      await created(carol, { label: 'fits again', permissions: ['read'] });
    });

    it('when one user creates keys quickly, then the eleventh within a minute is 429 RATE_LIMITED with Retry-After', async () => {
      const gina = await registerUser(test.app);
      for (let i = 0; i < 10; i += 1) await created(gina, { label: `burst ${i}`, permissions: ['read'] });
      const refused = await create(gina, { label: 'eleventh', permissions: ['read'] });
      expectProblem(refused, 429, 'RATE_LIMITED');
      expect(refused.headers['retry-after']).toBeDefined();
    });

    it('when nobody is signed in, then every API-key route is 401', async () => {
      expectProblem(await test.app.inject({ url: '/api/auth/api-keys' }), 401, 'UNAUTHORIZED');
      expectProblem(await test.app.inject({ method: 'POST', url: '/api/auth/api-keys', payload: { label: 'x', permissions: ['read'] } }), 401, 'UNAUTHORIZED');
      expectProblem(await test.app.inject({ method: 'DELETE', url: '/api/auth/api-keys/00000000-0000-4000-8000-000000000000' }), 401, 'UNAUTHORIZED');
    });

    it('when a key signs many requests within a minute, then last-used is written once, and again after the minute', async () => {
      const { apiKey, secret } = await created(bob, { label: 'used', permissions: ['read'] });
      let clock = new Date('2030-01-01T00:00:00Z');
      const timed = createApiKeyAuthenticator({ db: storage.db.db, box: new SecretBox(TEST_JWT_SECRET), logger: silent, now: () => clock });
      const signed = { apiKey: apiKey.key, payload: 'p=1', signature: hmacHex(secret!, 'p=1'), ip: '127.0.0.1' };
      const lastUsed = async () => ((await list(bob)).json() as ApiKeysResponse).apiKeys.find((k) => k.id === apiKey.id)!.lastUsedAt;
      await timed.verify(signed);
      expect(await lastUsed()).toBe('2030-01-01T00:00:00.000Z');
      clock = new Date('2030-01-01T00:00:59Z');
      await timed.verify(signed);
      expect(await lastUsed()).toBe('2030-01-01T00:00:00.000Z');
      clock = new Date('2030-01-01T00:01:01Z');
      await timed.verify(signed);
      expect(await lastUsed()).toBe('2030-01-01T00:01:01.000Z');
    });

    it('when many requests sign at once, then their key lookups share one query, and a key revoked before the burst is refused within it', async () => {
      const owners = [await registerUser(test.app), await registerUser(test.app), await registerUser(test.app)];
      const keys = await Promise.all(owners.map((o) => created(o, { label: 'burst', permissions: ['read', 'trade'] })));
      const counting = countingSelects(storage.db.db);
      const burst = createApiKeyAuthenticator({ db: counting.db, box: new SecretBox(TEST_JWT_SECRET), logger: silent });
      const signed = ({ apiKey, secret }: CreateApiKeyResponse, i: number) => ({ apiKey: apiKey.key, payload: `n=${i}`, signature: hmacHex(secret!, `n=${i}`), ip: '127.0.0.1' });

      expect((await revoke(owners[2]!, keys[2]!.apiKey.id)).statusCode).toBe(204);
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => burst.verify(signed(keys[i % 3]!, i))));
      expect(counting.selects, '30 lookups of 3 keys in one turn of the event loop: one query').toBe(1);
      expect(results.map((r) => (r.ok ? r.principal.userId : r.reason))).toEqual(
        Array.from({ length: 30 }, (_, i) => [owners[0]!.user.id, owners[1]!.user.id, 'REVOKED'][i % 3]),
      );

      expect((await revoke(owners[0]!, keys[0]!.apiKey.id)).statusCode).toBe(204);
      expect(await burst.verify(signed(keys[0]!, 99)), 'a revocation committed before the next request is seen by it').toEqual({ ok: false, reason: 'REVOKED' });
    });

    it('when the caller checks revocation itself, then a key this process knows is verified with no read, and an unknown one is read and refused as before', async () => {
      const owner = await registerUser(test.app);
      const { apiKey, secret } = await created(owner, { label: 'orders', permissions: ['trade'] });
      const counting = countingSelects(storage.db.db);
      const orders = createApiKeyAuthenticator({ db: counting.db, box: new SecretBox(TEST_JWT_SECRET), logger: silent });
      const signed = (payload: string, signature = hmacHex(secret!, payload)) => ({ apiKey: apiKey.key, payload, signature, ip: '127.0.0.1' });
      const principal = { keyId: apiKey.id, userId: owner.user.id, permissions: { read: false, trade: true } };

      expect(await orders.verifyWithLiveCheckByCaller(signed('n=1'))).toEqual({ ok: true, principal });
      expect(counting.selects, 'the first sight of a key reads it').toBe(1);
      expect(await orders.verifyWithLiveCheckByCaller(signed('n=2'))).toEqual({ ok: true, principal });
      expect(await orders.verifyWithLiveCheckByCaller(signed('n=3', hmacHex(secret!, 'n=4'))), 'the signature is still checked').toEqual({ ok: false, reason: 'BAD_SIGNATURE' });
      expect(counting.selects, 'a known key is verified from memory').toBe(1);

      expect((await revoke(owner, apiKey.id)).statusCode).toBe(204);
      expect(await orders.verifyWithLiveCheckByCaller(signed('n=5')), 'accepted here: the caller’s own transaction is what refuses it').toEqual({ ok: true, principal });
      expect(await orders.verify(signed('n=6')), 'every other request still reads the key').toEqual({ ok: false, reason: 'REVOKED' });
      expect(await orders.verifyWithLiveCheckByCaller(signed('n=7')), 'once seen revoked, it is read again, and refused').toEqual({ ok: false, reason: 'REVOKED' });
      expect(counting.selects).toBe(3);
    });
  });
}
