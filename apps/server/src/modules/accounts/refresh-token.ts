import { createHash, randomBytes } from 'node:crypto';

/** Refresh tokens slide: each use issues a new one valid this long. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** 32 random bytes, base64url: opaque to clients, meaningless without the database row. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores: a leaked table holds no usable token. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
