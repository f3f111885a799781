/**
 * One connection to /ws/orders or /ws/portfolio: authenticate (query token or first frame),
 * then forward the user's events from the cache pub/sub until the socket or its token ends.
 */
import { type ErrorCode, type UserSocketServerFrame, WS_CLOSE_TOO_MANY_SOCKETS, WS_CLOSE_UNAUTHORIZED } from '@cryptosim/contracts';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { Config } from '../../config.js';
import { AppError } from '../../kernel/app-error.js';
import { sendBounded } from '../../kernel/websocket.js';
import type { CachePort, Unsubscribe } from '../../ports/cache/cache-port.js';
import { authenticateSocket, type SocketIdentity } from './authenticate.js';
import type { SessionSockets } from './session-revocation.js';
import { userChannel, type UserEventKind } from './user-events.js';

/** A socket that has not authenticated by then is closed: idle anonymous sockets cost memory. */
export const AUTH_DEADLINE_MS = 10_000;

export interface UserSocketDeps {
  config: Pick<Config, 'jwtSecret' | 'wsMaxSocketsPerUser'>;
  cache: CachePort;
  logger: Pick<Logger, 'warn'>;
  /** Authenticated sockets per user on this process, shared by both channels. */
  openPerUser: Map<number, number>;
  /** Closes this process's sockets of a session signed out anywhere. */
  sessions: SessionSockets;
}

export function serveUserSocket(deps: UserSocketDeps, socket: WebSocket, kind: UserEventKind, queryToken: string | undefined): void {
  let identity: SocketIdentity | undefined;
  let unsubscribe: Unsubscribe | undefined;
  let untrack: (() => void) | undefined;
  let closed = false;
  let expiry: NodeJS.Timeout | undefined;
  const deadline = setTimeout(() => close('authentication timed out'), AUTH_DEADLINE_MS);
  // Frames are handled one at a time, so an auth in flight is never raced by the next frame.
  let queue: Promise<void> = Promise.resolve();

  /** A frame of this socket's own, or one the user's event channel carries already encoded. */
  // A client that stops reading is cut off once its backlog passes the cap, not queued for.
  const send = (frame: UserSocketServerFrame | string) => {
    if (!closed) sendBounded(socket, typeof frame === 'string' ? frame : JSON.stringify(frame));
  };
  const sendError = (code: ErrorCode, message: string) => send({ type: 'error', code, message });
  function close(reason: string) {
    if (!closed) socket.close(WS_CLOSE_UNAUTHORIZED, reason);
  }

  async function authenticate(token: string): Promise<boolean> {
    let who: SocketIdentity;
    try {
      who = await authenticateSocket(deps.config, token, deps);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      sendError(error.code, error.message);
      return false;
    }
    if (identity && identity.id !== who.id) {
      sendError('FORBIDDEN', 'This socket already belongs to another user.');
      return false;
    }
    if (!identity && (deps.openPerUser.get(who.id) ?? 0) >= deps.config.wsMaxSocketsPerUser) {
      if (!closed) socket.close(WS_CLOSE_TOO_MANY_SOCKETS, 'too many sockets for this user');
      return false;
    }
    if (identity?.sessionId !== who.sessionId) {
      untrack?.();
      untrack = await deps.sessions.track(who.sessionId, () => close('session signed out'));
      if (closed) untrack();
    }
    if (!identity) deps.openPerUser.set(who.id, (deps.openPerUser.get(who.id) ?? 0) + 1);
    identity = who;
    clearTimeout(deadline);
    // A fresh token (re-sent before expiry) extends the socket's life; an expired one ends it.
    clearTimeout(expiry);
    expiry = setTimeout(() => close('access token expired'), Math.max(0, who.expiresAt - Date.now()));
    if (!unsubscribe) {
      const off = await deps.cache.subscribe(userChannel(who.id, kind), (message) => send(message));
      if (closed) await off();
      else unsubscribe = off;
    }
    send({ type: 'authenticated', userId: who.id, expiresAt: who.expiresAt });
    return true;
  }

  async function onFrame(data: Buffer, isBinary: boolean): Promise<void> {
    let frame: unknown;
    try {
      frame = isBinary ? undefined : JSON.parse(data.toString('utf8'));
    } catch {
      frame = undefined;
    }
    const op = typeof frame === 'object' && frame !== null ? (frame as { op?: unknown }).op : undefined;
    if (op === undefined) return sendError('VALIDATION_FAILED', 'Frames must be JSON objects with an "op".');
    if (op === 'auth') {
      const token = (frame as { token?: unknown }).token;
      if (typeof token !== 'string' || token.length === 0 || token.length > 4096) {
        return sendError('VALIDATION_FAILED', '{"op":"auth"} needs a "token" string.');
      }
      await authenticate(token);
      return;
    }
    if (!identity) return sendError('UNAUTHORIZED', 'Authenticate first: {"op":"auth","token":"<accessToken>"}.');
    if (op === 'ping') return send({ type: 'pong', time: Date.now() });
    sendError('VALIDATION_FAILED', `Unknown op ${JSON.stringify(op).slice(0, 40)}; this channel accepts "auth" and "ping".`);
  }

  // A cache outage while subscribing is reported on the socket, which stays open for a retry.
  const failed = (err: unknown) => {
    deps.logger.warn({ err }, 'user socket frame failed');
    sendError('SERVICE_UNAVAILABLE', 'The frame could not be handled; try again.');
  };
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    queue = queue.then(() => onFrame(data, isBinary)).catch(failed);
  });
  socket.on('close', () => {
    closed = true;
    untrack?.();
    if (identity) {
      const left = (deps.openPerUser.get(identity.id) ?? 1) - 1;
      if (left > 0) deps.openPerUser.set(identity.id, left);
      else deps.openPerUser.delete(identity.id);
    }
    clearTimeout(deadline);
    clearTimeout(expiry);
    void unsubscribe?.().catch(() => undefined);
  });

  if (queryToken !== undefined) {
    queue = queue.then(async () => {
      if (!(await authenticate(queryToken))) close('invalid access token');
    }).catch(failed);
  }
}
