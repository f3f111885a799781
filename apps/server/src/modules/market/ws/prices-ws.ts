/** `/ws/prices` (docs/API.md): public price stream over the shared @fastify/websocket server. */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../kernel/module.js';
import { registerWebSocket } from '../../../kernel/websocket.js';
import type { SymbolRegistry } from '../../../ports/market/market-source.js';
import { PriceHub } from './price-hub.js';
import { PriceSession } from './price-session.js';
import { TurnBatcher } from './turn-batcher.js';

export async function pricesWebSocket(app: FastifyInstance, ctx: ModuleContext, symbols: SymbolRegistry): Promise<void> {
  await registerWebSocket(app);
  const logger = ctx.logger.child({ channel: '/ws/prices' });
  const hub = new PriceHub(ctx.ports.cache, logger);
  const batcher = new TurnBatcher();
  app.get('/ws/prices', { websocket: true }, (socket, request) => {
    // The upgrade's TCP socket is the one `socket` writes to (the 'upgrade' event hands ws req.socket).
    new PriceSession(socket, { hub, cache: ctx.ports.cache, symbols, logger, batcher }, request.raw.socket);
  });
}
