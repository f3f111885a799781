/**
 * Binance streams: `/binance/ws`, `/binance/ws/<stream>` (raw) and
 * `/binance/stream?streams=<a>/<b>` (combined), over the shared WebSocket server. A stream
 * name is a market stream (`btcusdt@ticker`) or a listen key (the account's user data stream).
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import type { ModuleContext } from '../../../kernel/module.js';
import { sendBounded } from '../../../kernel/websocket.js';
import { getHistory } from '../../market/index.js';
import { StreamHub } from './stream-hub.js';
import { isListenKeyShaped } from '../user-data/listen-keys.js';
import { parseStreamName } from './stream-names.js';
import { MAX_STREAMS_PER_SOCKET, type OpenUserData, type SessionStream, StreamSession, UnknownListenKey } from './stream-session.js';
import type { Dec } from '@cryptosim/trading-rules';

/** Policy violation: the URL names a stream we do not serve. */
const CLOSE_BAD_STREAM = 1008;

export async function binanceStreams(scope: FastifyInstance, ctx: ModuleContext, slippage: { k: Dec; cap: Dec }, logger: Logger, openUserData: OpenUserData): Promise<void> {
  const symbols = () => ctx.ports.market.symbols;
  const hub = new StreamHub({
    cache: ctx.ports.cache,
    symbol: (s) => symbols().get(s),
    slippage,
    logger,
    // The bucket's closed minutes, oldest first (at most a day of them).
    closedMinutes: async (symbol, from, to) => {
      const { candles } = await getHistory(ctx.ports.db.db, ctx.ports.cache, { symbol, interval: '1m', limit: 1440, startTime: from, endTime: to - 1 });
      return candles.filter((c) => c.openTime < to);
    },
  });
  const parse = (name: string): SessionStream | undefined =>
    isListenKeyShaped(name) ? { name, kind: 'userData' } : parseStreamName(name, (s) => symbols().get(s) !== undefined);
  const refuse = (socket: WebSocket, name: string) => {
    sendBounded(socket, JSON.stringify({ code: 2, msg: `Invalid request: unknown stream '${name}'`, id: null }));
    socket.close(CLOSE_BAD_STREAM, 'unknown stream');
  };

  function open(socket: WebSocket, names: string[], combined: boolean) {
    const streams: SessionStream[] = [];
    for (const name of names.slice(0, MAX_STREAMS_PER_SOCKET)) {
      const stream = parse(name);
      if (!stream) return refuse(socket, name);
      streams.push(stream);
    }
    const session = new StreamSession(socket, hub, parse, combined, logger, openUserData);
    session.start(streams).catch((err: unknown) => {
      if (err instanceof UnknownListenKey) return refuse(socket, err.listenKey);
      logger.warn({ err }, 'Binance stream start failed');
      socket.close(1011, 'stream unavailable');
    });
  }

  const hide = { hide: true };
  scope.get('/ws', { websocket: true, schema: hide }, (socket) => open(socket, [], false));
  scope.get<{ Params: { stream: string } }>('/ws/:stream', { websocket: true, schema: hide }, (socket, request) => open(socket, request.params.stream.split('/').filter(Boolean), false));
  scope.get<{ Querystring: { streams?: string } }>('/stream', { websocket: true, schema: hide }, (socket, request) =>
    open(socket, (request.query.streams ?? '').split('/').filter(Boolean), true),
  );
}
