/**
 * Credentials never reach the log: a WebSocket opened with `?token=` (and any URL carrying a
 * token parameter) is logged with the value redacted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../kernel/redact-url.js';
import { openSocket } from '../modules/accounts/testing/socket-client.js';
import { captureLog } from '../testing/log-capture.js';
import { startTestApp, type TestApp } from '../testing/test-app.js';

describe('log redaction', () => {
  const log = captureLog('info');
  let t: TestApp;
  let wsUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ logger: log.logger });
    wsUrl = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('when a socket authenticates with ?token=, then the log shows the path with the token redacted', async () => {
    const user = await t.signUp();
    const socket = await openSocket(`${wsUrl}/ws/orders?token=${user.accessToken}`);
    expect(await socket.next()).toMatchObject({ type: 'authenticated' });
    socket.ws.close();
    await t.app.inject({ url: `/api/auth/me?a=1&token=${user.accessToken}&refreshToken=${user.refreshToken}` });
    const logged = log.text();
    expect(logged).toContain('"url":"/ws/orders?token=[redacted]"');
    expect(logged).toContain('"url":"/api/auth/me?a=1&token=[redacted]&refreshToken=[redacted]"');
    expect(logged).not.toContain(user.accessToken);
    expect(logged).not.toContain(user.refreshToken);
  });

  it('when a URL has no credential, then it is logged unchanged', () => {
    expect(redactUrl('/api/market/history?symbol=BTCUSDT&limit=5')).toBe('/api/market/history?symbol=BTCUSDT&limit=5');
    expect(redactUrl('/ws/orders?x=1&TOKEN=abc#f')).toBe('/ws/orders?x=1&TOKEN=[redacted]#f');
  });
});
