/**
 * An HMAC key's secret never reaches a log line: not when the key is created (the reply that
 * carries it), listed, used or revoked, even at the most verbose log level.
 */
import { createHmac } from 'node:crypto';
import type { CreateApiKeyResponse } from '@cryptosim/contracts';
import { describe, expect, it } from 'vitest';
import { captureLog } from '../../../testing/log-capture.js';
import { testAppForSuite } from '../../../testing/test-app.js';
import { apiKeyAuthenticator } from '../index.js';
import { bearer, registerUser } from '../testing/clients.js';

describe('API-key secrets and the log', () => {
  const log = captureLog('trace');
  const t = testAppForSuite({ logger: log.logger, env: { LOG_LEVEL: 'trace' } });

  it('when a key is created, listed, used with a wrong and a right signature and revoked, then no log line holds its secret', async () => {
    const { app, config, ports } = t;
    const user = await registerUser(app);
    const res = await app.inject({ method: 'POST', url: '/api/auth/api-keys', headers: bearer(user.accessToken), payload: { label: 'logged?', permissions: ['read'] } });
    expect(res.statusCode, res.body).toBe(201);
    const { apiKey, secret } = res.json() as CreateApiKeyResponse;
    await app.inject({ url: '/api/auth/api-keys', headers: bearer(user.accessToken) });
    const auth = apiKeyAuthenticator({ config, ports, logger: log.logger });
    const signature = createHmac('sha256', secret!).update('a=1').digest('hex');
    expect(await auth.verify({ apiKey: apiKey.key, payload: 'a=1', signature, ip: '127.0.0.1' })).toMatchObject({ ok: true });
    expect(await auth.verify({ apiKey: apiKey.key, payload: 'a=2', signature, ip: '127.0.0.1' })).toMatchObject({ ok: false });
    await app.inject({ method: 'DELETE', url: `/api/auth/api-keys/${apiKey.id}`, headers: bearer(user.accessToken) });

    const logged = log.text();
    // The log did record the events, so the absence below is not an empty log's.
    expect(logged).toContain('api key created');
    expect(logged).toContain('api key revoked');
    expect(logged).toContain('/api/auth/api-keys');
    expect(logged).not.toContain(secret!);
    expect(logged).not.toContain(secret!.slice(0, 16));
  });
});
