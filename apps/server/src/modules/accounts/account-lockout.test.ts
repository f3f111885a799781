/**
 * The account-wide cap on password guesses: many addresses, each under the per-address
 * limits, cannot keep guessing at one account; the owner still signs in from a device that
 * signed in before; the lockout is in the user's audit trail. IPv6 clients count per /64.
 */
import { describe, expect, it } from 'vitest';
import { addressKey } from '../../kernel/address-key.js';
import { LOCKOUT_MAX_FAILURES } from './account-lockout.js';
import { testAppForSuite, testBackends } from '../../testing/test-app.js';
import { bearer, fromIp, login, newIp, registerUser } from './testing/clients.js';

describe('addressKey', () => {
  it('when the address is IPv6, then it is keyed by its /64; IPv4 and mapped IPv4 by the address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002::')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
});

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`account lockout on ${backend.name}`, () => {
    const suite = testAppForSuite({ on: backend });

    it('when 12 addresses guess 5 times each at one account, then past the cap even the right password is refused, the owner signs in from a known device, and the lockout is audited', async () => {
      const { app } = suite;
      const owner = await registerUser(app);
      expect(owner.deviceToken, 'registration hands out a device token').toMatch(/^d1\./);
      const statuses: number[] = [];
      for (let a = 0; a < 12; a++) {
        const ip = newIp();
        for (let g = 0; g < 5; g++) statuses.push((await login(app, owner.user.username, `wrong-${a}-${g}`, ip)).statusCode);
      }
      expect(statuses.slice(0, LOCKOUT_MAX_FAILURES).every((s) => s === 401), 'guesses up to the cap are checked').toBe(true);
      expect(statuses.slice(LOCKOUT_MAX_FAILURES).every((s) => s === 429), 'guesses past the cap are refused unchecked').toBe(true);

      const right = await login(app, owner.user.username, owner.password, newIp());
      expect(right.statusCode, right.body).toBe(429);
      expect(right.json().code).toBe('ACCOUNT_LOCKED');
      expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);

      const known = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: fromIp(newIp()),
        payload: { username: owner.user.username, password: owner.password, deviceToken: owner.deviceToken },
      });
      expect(known.statusCode, known.body).toBe(200);

      const foreign = (await registerUser(app)).deviceToken;
      const wrongDevice = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: fromIp(newIp()),
        payload: { username: owner.user.username, password: owner.password, deviceToken: foreign },
      });
      expect(wrongDevice.statusCode, "another account's device token does not unlock").toBe(429);

      const events = await app.inject({ url: '/api/auth/events?limit=100', headers: { ...bearer(owner.accessToken), ...fromIp(newIp()) } });
      const kinds = (events.json() as { events: Array<{ kind: string }> }).events.map((e) => e.kind);
      expect(kinds.filter((k) => k === 'login_locked')).toHaveLength(1);
    }, 120_000);

    it('when addresses of one IPv6 /64 each guess at an account, then they share the per-address limit', async () => {
      const { app } = suite;
      const owner = await registerUser(app);
      const statuses: number[] = [];
      for (let i = 1; i <= 6; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', headers: fromIp(`2001:db8:77:1::${i.toString(16)}`), payload: { username: owner.user.username, password: 'nope' } });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    }, 60_000);
  });
}
