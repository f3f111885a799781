import type { FastifyInstance } from 'fastify';
import type { UserEventKind } from './user-events.js';
import { SessionSockets } from './session-revocation.js';
import { serveUserSocket, type UserSocketDeps } from './user-socket.js';

const CHANNELS: Array<[path: string, kind: UserEventKind]> = [
  ['/ws/orders', 'order'],
  ['/ws/portfolio', 'portfolio'],
  ['/ws/alerts', 'alert'],
];

/** /ws/orders, /ws/portfolio and /ws/alerts (docs/API.md): authenticated, one user's events each. */
export function userSocketRoutes(deps: Omit<UserSocketDeps, 'openPerUser' | 'sessions'>) {
  const openPerUser = new Map<number, number>();
  const sessions = new SessionSockets(deps.cache, deps.logger);
  return async (app: FastifyInstance) => {
    for (const [path, kind] of CHANNELS) {
      app.get<{ Querystring: { token?: string } }>(
        path,
        // Hidden from OpenAPI (it cannot describe a WebSocket); docs/API.md documents the frames.
        { websocket: true, schema: { hide: true } },
        (socket, request) => {
          const token = typeof request.query.token === 'string' && request.query.token !== '' ? request.query.token : undefined;
          serveUserSocket({ ...deps, openPerUser, sessions }, socket, kind, token);
        },
      );
    }
  };
}
