/**
 * A short grace window after a refresh token is rotated: two tabs refreshing the same token
 * at once must not look like a replayed (stolen) token. The pair the first refresh issued
 * is kept in the cache for a few seconds, encrypted with a key derived from the old token,
 * and handed again to the same client (address and user agent) presenting that token.
 * Anyone else, or anyone after the window, is treated as reuse as before.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { AuthResponse } from '@cryptosim/contracts';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { ClientInfo } from './auth-event-log.js';

export const REFRESH_GRACE_MS = 10_000;

const keyOf = (tokenHash: string) => `refresh-grace:${tokenHash}`;
const clientTag = (client: ClientInfo) => createHash('sha256').update(`${client.ip}\n${client.userAgent ?? ''}`).digest('base64url');
const cipherKey = (secret: string, oldToken: string) => createHmac('sha256', secret).update(`grace:${oldToken}`).digest();

export async function rememberRotation(cache: CachePort, secret: string, oldToken: string, tokenHash: string, client: ClientInfo, response: AuthResponse): Promise<void> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey(secret, oldToken), iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(response), 'utf8'), cipher.final()]);
  const value = [clientTag(client), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
  await cache.set(keyOf(tokenHash), value, REFRESH_GRACE_MS);
}

/** The pair issued for `oldToken` within the window, when `client` is the one it was issued to. */
export async function pairWithinGrace(cache: CachePort, secret: string, oldToken: string, tokenHash: string, client: ClientInfo): Promise<AuthResponse | undefined> {
  const value = await cache.get(keyOf(tokenHash));
  if (!value) return undefined;
  const [tag, iv, authTag, sealed] = value.split('.');
  if (tag !== clientTag(client) || !iv || !authTag || !sealed) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', cipherKey(secret, oldToken), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(authTag, 'base64url'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(plain) as AuthResponse;
  } catch {
    return undefined;
  }
}
