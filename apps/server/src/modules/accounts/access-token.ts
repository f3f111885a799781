import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../../core/app-error.js';

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

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signAccessToken(secret: string, claims: Omit<AccessClaims, 'expiresAt'>, now = Date.now()): Promise<string> {
  const iat = Math.floor(now / 1000);
  return new SignJWT({ name: claims.username, sid: claims.sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(String(claims.userId))
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .sign(keyOf(secret));
}

const unauthorized = (message: string) => new AppError('UNAUTHORIZED', 401, message);

/**
 * Accepts only HS256 tokens we signed, unexpired, with our issuer and audience. `alg: none`,
 * other algorithms, another secret and any edited byte all fail the same way: 401.
 */
export async function verifyAccessToken(secret: string, token: string): Promise<AccessClaims> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, keyOf(secret), { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw unauthorized('The access token has expired; refresh it.');
    throw unauthorized('The access token is invalid.');
  }
  const userId = Number(payload.sub);
  const { name, sid, exp } = payload as { name?: unknown; sid?: unknown; exp?: number };
  if (!Number.isSafeInteger(userId) || userId <= 0 || typeof name !== 'string' || typeof sid !== 'string' || exp === undefined) {
    throw unauthorized('The access token is invalid.');
  }
  return { userId, username: name, sessionId: sid, expiresAt: exp * 1000 };
}
