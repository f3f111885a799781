import { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../kernel/app-error.js';

/** Access tokens live 15 minutes; the refresh token renews them. */
export const ACCESS_TOKEN_TTL_SECONDS = 900;
const ALGORITHM = 'HS256';
const ISSUER = 'cryptosim';
const AUDIENCE = 'cryptosim-api';

export interface AccessClaims {
  userId: number;
  username: string;
  /** The session (refresh-token family) the token was issued for. */
  sessionId: string;
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * The HMAC key, imported into WebCrypto once per secret: handing jose the raw bytes makes it
 * import them again on every verification, a cost every authenticated request paid.
 */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();

function keyOf(secret: string): Promise<webcrypto.CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    keys.set(secret, key);
  }
  return key;
}

export async function signAccessToken(secret: string, claims: Omit<AccessClaims, 'expiresAt'>, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ name: claims.username, sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .sign(await keyOf(secret));
}

const unauthorized = (message: string) => new AppError('UNAUTHORIZED', 401, message);

/**
 * Tokens jose accepted, with their claims, per secret. A client sends the same access token
 * with every request for up to 15 minutes, and checking its signature again (WebCrypto: a
 * thread-pool round trip per request) was the costliest step of an authenticated request.
 * A hit is the very string jose verified under the same secret, issuer and audience, so only
 * the expiry can have changed, and it is checked on every hit. Only verified tokens get in,
 * and past the bound the oldest go first.
 */
const VERIFIED_LIMIT = 10_000;
const verified = new Map<string, Map<string, AccessClaims>>();

function rememberVerified(secret: string, token: string, claims: AccessClaims): void {
  let bySecret = verified.get(secret);
  if (!bySecret) verified.set(secret, (bySecret = new Map()));
  if (bySecret.size >= VERIFIED_LIMIT) bySecret.delete(bySecret.keys().next().value!);
  bySecret.set(token, claims);
}

/** jose's rule: expired once the current second reaches `exp`. */
const hasExpired = (claims: AccessClaims, now: number) => claims.expiresAt / 1000 <= Math.floor(now / 1000);

/**
 * Accepts only HS256 tokens we signed, unexpired, with our issuer and audience. `alg: none`,
 * other algorithms, another secret and any edited byte all fail the same way: 401.
 */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  const known = verified.get(secret)?.get(token);
  if (known) {
    if (!hasExpired(known, Date.now())) return known;
    verified.get(secret)!.delete(token);
    throw unauthorized('The access token has expired; refresh it.');
  }
  let payload;
  try {
    ({ payload } = await jwtVerify(token, await keyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired; refresh it.');
    throw unauthorized('The access token is invalid.');
  }
  const userId = Number(payload.sub);
  const { name, sid, exp } = payload as { name?: unknown; sid?: unknown; exp?: number };
  if (!Number.isSafeInteger(userId) || userId <= 0 || typeof name !== 'string' || typeof sid !== 'string' || exp === undefined) {
    throw unauthorized('The access token is invalid.');
  }
  const claims: AccessClaims = Object.freeze({ userId, username: name, sessionId: sid, expiresAt: exp * 1000 });
  rememberVerified(secret, token, claims);
  return claims;
}
