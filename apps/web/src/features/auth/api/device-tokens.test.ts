import { beforeEach, describe, expect, it } from 'vitest';
import type { AuthResponse } from '@cryptosim/contracts';
import { deviceTokenFor, rememberDeviceToken } from './device-tokens';

const auth = (username: string, deviceToken?: string) =>
  ({ user: { id: 1, username, email: `${username}@example.com` }, accessToken: 'a', refreshToken: 'r', expiresIn: 900, ...(deviceToken ? { deviceToken } : {}) }) as unknown as AuthResponse;

describe('device tokens', () => {
  beforeEach(() => window.localStorage.clear());

  it('when a sign-in returns a device token, then a later login by username or e-mail (any case) finds it', () => {
    rememberDeviceToken(auth('Alice', 'd1.1.x'));
    expect(deviceTokenFor(' alice ')).toBe('d1.1.x');
    expect(deviceTokenFor('ALICE@example.com')).toBe('d1.1.x');
    expect(deviceTokenFor('bob')).toBeUndefined();
  });

  it('when the same account signs in again, then its newest token replaces the old one, and other accounts keep theirs', () => {
    rememberDeviceToken(auth('alice', 'old'));
    rememberDeviceToken(auth('bob', 'b'));
    rememberDeviceToken(auth('alice', 'new'));
    expect(deviceTokenFor('alice')).toBe('new');
    expect(deviceTokenFor('bob')).toBe('b');
  });

  it('when storage holds garbage, then nothing is found and nothing throws', () => {
    window.localStorage.setItem('cryptosim.deviceTokens', '{not json');
    expect(deviceTokenFor('alice')).toBeUndefined();
    rememberDeviceToken(auth('alice', 't'));
    expect(deviceTokenFor('alice')).toBe('t');
  });
});
