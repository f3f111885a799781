/**
 * Accounts and security: registration, login, JWT access tokens with rotating refresh
 * tokens, the audit trail, API keys, and the authenticated WebSocket channels. Other modules
 * use `authenticate` (HTTP), `authenticateSocket` (WS), `apiKeyAuthenticator` (signed
 * Binance-style requests) and `publishUserEvent` from here.
 */
import type { AppModule, ModuleContext } from '../../kernel/module.js';
import { RateLimiter } from '../../kernel/rate-limit.js';
import { registerWebSocket } from '../../kernel/websocket.js';
import { createApiKeyAuthenticator, type ApiKeyAuthenticator } from './api-keys/api-key-authenticator.js';
import { apiKeyRoutes } from './api-keys/api-key-routes.js';
import { secretBoxOf } from './api-keys/secret-box.js';
import { authenticate, jwtSecretOf } from './authenticate.js';
import { meRoutes } from './me-routes.js';
import { authRoutes } from './routes.js';
import { userSocketRoutes } from './ws.js';

export { authenticate, authenticateSocket, type AuthUser, type SocketIdentity } from './authenticate.js';
export type { ApiKeyAuthenticator, ApiKeyCheck, ApiKeyPrincipal, ApiKeyRefusal, SignedRequest } from './api-keys/api-key-authenticator.js';
export { publishUserEvent, userChannel, type UserEventKind } from './user-events.js';
export { apiKeyRevokedChannel } from './api-keys/manage-api-keys.js';
export { randomToken } from './api-keys/random-token.js';

/**
 * Checks API keys and Binance request signatures (HMAC-SHA256 hex or Ed25519 base64 over the
 * exact signed string). Make one per process and reuse it: it keeps each key's decrypted
 * secret or parsed public key, and reads only revocation from the database per request.
 */
export function apiKeyAuthenticator(ctx: Pick<ModuleContext, 'config' | 'ports' | 'logger'>): ApiKeyAuthenticator {
  return createApiKeyAuthenticator({ db: ctx.ports.db.db, box: secretBoxOf(ctx.config), logger: ctx.logger });
}

export const accountsModule: AppModule = {
  name: 'accounts',
  async routes(app, ctx) {
    const deps = { db: ctx.ports.db.db, cache: ctx.ports.cache, jwtSecret: jwtSecretOf(ctx.config), logger: ctx.logger };
    const limiter = new RateLimiter(ctx.ports.cache, ctx.logger);
    await app.register(authRoutes(deps, limiter));
    await app.register(meRoutes(deps, limiter, authenticate(ctx.config, ctx.ports.cache)));
    await app.register(apiKeyRoutes({ db: deps.db, box: secretBoxOf(ctx.config), logger: ctx.logger, cache: ctx.ports.cache }, limiter, authenticate(ctx.config, ctx.ports.cache)));
    await registerWebSocket(app);
    await app.register(userSocketRoutes({ config: ctx.config, cache: ctx.ports.cache, logger: ctx.logger }));
  },
};
