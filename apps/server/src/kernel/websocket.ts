/**
 * The one @fastify/websocket registration every channel (/ws/prices, /ws/orders,
 * /ws/portfolio) shares, plus the heartbeat docs/API.md promises: the server pings every 20 s
 * and drops a client that did not answer the previous ping.
 */
import type { IncomingMessage } from 'node:http';
import websocket from '@fastify/websocket';
import { WS_CLOSE_TOO_MANY_SOCKETS } from '@cryptosim/contracts';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { addressKey } from '../kernel/address-key.js';

export const PING_INTERVAL_MS = 20_000;
const HEARTBEAT_SLICES = 20;
/** Frames are small JSON commands; anything bigger is abuse. */
export const MAX_FRAME_BYTES = 64 * 1024;
/**
 * A socket whose unsent bytes pass this is cut off: a client that keeps sending but never
 * reads would otherwise grow the server's memory by every reply it provokes.
 */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

/** Sends unless the socket is closed or its backlog is over the cap, in which case it ends. */
export function sendBounded(socket: WebSocket, data: string | Buffer): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
    socket.terminate();
    return false;
  }
  socket.send(data);
  return true;
}

export interface WebSocketOptions {
  pingIntervalMs?: number;
  /** Open sockets one client address (IPv6: one /64) may hold; default 100. */
  maxSocketsPerAddress?: number;
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
  // The client address as Fastify resolves it (trustProxy), for the upgrade about to happen.
  const addressOf = new WeakMap<IncomingMessage, string>();
  app.addHook('onRequest', async (request) => {
    if (request.ws) addressOf.set(request.raw, addressKey(request.ip));
  });
  const maxPerAddress = options.maxSocketsPerAddress ?? 100;
  const openPerAddress = new Map<string, number>();
  const intervalMs = options.pingIntervalMs ?? PING_INTERVAL_MS;
  // Each socket is pinged once per interval, but the sockets are spread over HEARTBEAT_SLICES
  // turns of the interval: pinging 10,000 sockets at once (and reading their 10,000 pongs, at
  // ~20 µs a socket) stalled every price update behind it for about 0.2 s, every 20 s.
  const slices = Array.from({ length: HEARTBEAT_SLICES }, () => new Set<WebSocket>());
  let nextSlice = 0;
  wss.on('connection', (socket: WebSocket, raw: IncomingMessage) => {
    const address = addressOf.get(raw);
    if (address !== undefined) {
      const open = (openPerAddress.get(address) ?? 0) + 1;
      openPerAddress.set(address, open);
      socket.once('close', () => {
        const left = (openPerAddress.get(address) ?? 1) - 1;
        if (left > 0) openPerAddress.set(address, left);
        else openPerAddress.delete(address);
      });
      if (open > maxPerAddress) socket.close(WS_CLOSE_TOO_MANY_SOCKETS, 'too many sockets from this address');
    }
    const slice = slices[nextSlice++ % HEARTBEAT_SLICES]!;
    slice.add(socket);
    alive.add(socket);
    socket.on('pong', () => alive.add(socket));
    // Every channel, authenticated or not: a client still sending while its replies pile up unread is cut off.
    socket.on('message', () => {
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) socket.terminate();
    });
    socket.on('close', () => slice.delete(socket));
  });
  let turn = 0;
  const timer = setInterval(() => {
    for (const socket of slices[turn++ % HEARTBEAT_SLICES]!) {
      // No pong since the last ping: the peer is gone or stuck; terminate (no close handshake).
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, intervalMs / HEARTBEAT_SLICES);
  timer.unref();
  app.addHook('onClose', async () => clearInterval(timer));
}
