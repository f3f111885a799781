/**
 * An account-wide cap on password guesses. The per-address limits do not stop many addresses
 * guessing at one account, so failed sign-ins are also counted per account; past the cap the
 * account refuses password checks for the rest of the window, except from a client that
 * proves it signed in to this account before (its device token).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../kernel/app-error.js';
import { digestKey } from '../../kernel/rate-limit.js';
import type { CachePort } from '../../ports/cache/cache-port.js';

export const LOCKOUT_MAX_FAILURES = 10;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

/** The counter of an existing account, or of a name nobody has (so both look alike). */
export const lockoutKey = (userId: number | undefined, login: string) =>
  `login-fail:${userId !== undefined ? `u${userId}` : `n${digestKey(login.trim().toLowerCase())}`}`;

/** Throws 429 while the account is locked. */
export async function assertNotLocked(cache: CachePort, key: string): Promise<void> {
  const failures = Number((await cache.get(key)) ?? 0);
  if (failures >= LOCKOUT_MAX_FAILURES) {
    const seconds = Math.ceil(LOCKOUT_WINDOW_MS / 1000);
    throw new AppError(
      'ACCOUNT_LOCKED',
      429,
      'Too many failed sign-ins to this account; it is locked for a while. Sign in from a device you used before, or try again later.',
      undefined,
      { 'retry-after': String(seconds) },
    );
  }
}

/** Counts one failed guess; true when this one locked the account. */
export async function countFailure(cache: CachePort, key: string): Promise<boolean> {
  const { count } = await cache.incrWindow(key, LOCKOUT_WINDOW_MS);
  return count === LOCKOUT_MAX_FAILURES;
}

const mac = (secret: string, userId: number) => createHmac('sha256', secret).update(`device:${userId}`).digest('base64url');

/** Handed out on every successful sign-in: proof, on a later one, that this client knew the password before. */
export function deviceTokenFor(secret: string, userId: number): string {
  return `d1.${userId}.${mac(secret, userId)}`;
}

export function isDeviceTokenOf(secret: string, userId: number, token: string | undefined): boolean {
  if (!token) return false;
  const expected = Buffer.from(deviceTokenFor(secret, userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
