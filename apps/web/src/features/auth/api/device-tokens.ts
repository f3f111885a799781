import type { AuthResponse } from '@cryptosim/contracts';

/**
 * The device tokens this browser got from earlier sign-ins, by username and e-mail: sent
 * with a later login, one lets the owner in while their account is locked by someone
 * else's password guessing. Kept for a few accounts only.
 */
const KEY = 'cryptosim.deviceTokens';
const MAX_ENTRIES = 10;

type Store = Array<[login: string, token: string]>;

function read(storage: Storage): Store {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? (value as Store).filter((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string') : [];
  } catch {
    return [];
  }
}

export function deviceTokenFor(login: string, storage: Storage = window.localStorage): string | undefined {
  const name = login.trim().toLowerCase();
  return read(storage).find(([l]) => l === name)?.[1];
}

export function rememberDeviceToken(auth: AuthResponse, storage: Storage = window.localStorage): void {
  if (!auth.deviceToken) return;
  const names = [auth.user.username, auth.user.email].filter((n): n is string => typeof n === 'string').map((n) => n.trim().toLowerCase());
  const kept = read(storage).filter(([l]) => !names.includes(l));
  const next: Store = [...names.map((n): [string, string] => [n, auth.deviceToken!]), ...kept].slice(0, MAX_ENTRIES);
  try {
    storage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the lockout exemption is a convenience, not a requirement.
  }
}
