/**
 * Accounts and security: registration, login, JWT access tokens with rotating refresh
 * tokens, the audit trail, and the authenticated WebSocket channels. Other modules use
 * `authenticate` (HTTP), `authenticateSocket` (WS) and `publishUserEvent` from here.
 */
import type { AppModule } from '../../kernel/module.js';
import { RateLimiter } from '../../kernel/rate-limit.js';
import { registerWebSocket } from '../../kernel/websocket.js';
import { authenticate, jwtSecretOf } from './authenticate.js';
import { meRoutes } from './me-routes.js';
import { authRoutes } from './routes.js';
import { userSocketRoutes } from './ws.js';

export { authenticate, authenticateSocket, type AuthUser, type SocketIdentity } from './authenticate.js';
export { publishUserEvent, userChannel, type UserEventKind } from './user-events.js';

export const accountsModule: AppModule = {
  name: 'accounts',
  async routes(app, ctx) {
    const deps = { db: ctx.ports.db.db, cache: ctx.ports.cache, jwtSecret: jwtSecretOf(ctx.config), logger: ctx.logger };
    const limiter = new RateLimiter(ctx.ports.cache, ctx.logger);
    await app.register(authRoutes(deps, limiter));
    await app.register(meRoutes(deps, limiter, authenticate(ctx.config, ctx.ports.cache)));
    await registerWebSocket(app);
    await app.register(userSocketRoutes({ config: ctx.config, cache: ctx.ports.cache, logger: ctx.logger }));
  },
};
