import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { AppError } from '../../kernel/app-error.js';
import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { verifyAccessToken } from './access-token.js';
import { isRevoked } from './session-revocation.js';

/** Who is calling, as `authenticate` puts it on the request. */
export interface AuthUser {
  id: number;
  username: string;
  /** The login (refresh-token family) this access token belongs to. */
  sessionId: string;
}

export interface SocketIdentity extends AuthUser {
  /** Epoch ms when the token expires: the socket is closed then unless it re-authenticates. */
  expiresAt: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`; only read it in routes that run that preHandler. */
    user: AuthUser;
  }
}

/** Fails at start-up, not at the first login: start-platform resolves the secret before buildApp. */
export function jwtSecretOf(config: Pick<Config, 'jwtSecret'>): string {
  if (!config.jwtSecret) throw new Error('accounts: config.jwtSecret is not set (start-platform resolves it; tests pass JWT_SECRET)');
  return config.jwtSecret;
}

const BEARER = /^Bearer[ ]+([A-Za-z0-9._~+/-]+=*)[ ]*$/i;

function challenge(message: string): AppError {
  return new AppError('UNAUTHORIZED', 401, message, undefined, { 'www-authenticate': 'Bearer' });
}

/**
 * The preHandler every protected route uses: `{ preHandler: authenticate(ctx.config, ctx.ports.cache) }`.
 * A missing, malformed, expired or forged token, or one of a signed-out session (checked
 * against the revocation list in `revocations`), is 401 UNAUTHORIZED. The list is required:
 * a route that skipped it would honour a signed-out token until it expires.
 */
export function authenticate(config: Pick<Config, 'jwtSecret'>, revocations: CachePort): (request: FastifyRequest) => Promise<void> {
  const secret = jwtSecretOf(config);
  return async (request) => {
    const header = request.headers.authorization;
    if (!header) throw challenge('Authentication required: send Authorization: Bearer <accessToken>.');
    const token = BEARER.exec(header)?.[1];
    if (!token) throw challenge('The Authorization header must be "Bearer <accessToken>".');
    try {
      const claims = await verifyAccessToken(secret, token);
      if (await isRevoked(revocations, request.log, claims.sessionId)) throw challenge('This session was signed out; log in again.');
      request.user = { id: claims.userId, username: claims.username, sessionId: claims.sessionId };
    } catch (error) {
      if (error instanceof AppError) throw challenge(error.message);
      throw error;
    }
  };
}

/** The same check for a WebSocket's `?token=` or `{op:"auth"}` frame; rejects with a 401 AppError. */
export async function authenticateSocket(config: Pick<Config, 'jwtSecret'>, token: string, revocations: { cache: CachePort; logger: Pick<Logger, 'warn'> }): Promise<SocketIdentity> {
  const claims = await verifyAccessToken(jwtSecretOf(config), token);
  if (await isRevoked(revocations.cache, revocations.logger, claims.sessionId)) {
    throw new AppError('UNAUTHORIZED', 401, 'This session was signed out; log in again.');
  }
  return { id: claims.userId, username: claims.username, sessionId: claims.sessionId, expiresAt: claims.expiresAt };
}
