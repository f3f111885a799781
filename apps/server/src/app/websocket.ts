/**
 * The one @fastify/websocket registration every channel (/ws/prices, /ws/orders,
 * /ws/portfolio) shares, plus the heartbeat API.md promises: the server pings every 20 s
 * and drops a client that did not answer the previous ping.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';

export const PING_INTERVAL_MS = 20_000;
/** Frames are small JSON commands; anything bigger is abuse. */
export const MAX_FRAME_BYTES = 64 * 1024;

export interface WebSocketOptions {
  pingIntervalMs?: number;
}

const alive = new WeakSet<WebSocket>();

/**
 * Idempotent: the first call registers the plugin on `app`'s root context, later calls (from
 * any module, before or after) find the `websocketServer` decorator and do nothing.
 */
export async function registerWebSocket(app: FastifyInstance, options: WebSocketOptions = {}): Promise<void> {
  if (app.hasDecorator('websocketServer')) return;
  // No permessage-deflate (also ws's default): /ws/prices writes prebuilt frames under ws (text-frame.ts).
  await app.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false } });

  const wss = app.websocketServer;
  wss.on('connection', (socket: WebSocket) => {
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
  });
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      // No pong since the last ping: the peer is gone or stuck; terminate (no close handshake).
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, options.pingIntervalMs ?? PING_INTERVAL_MS);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
