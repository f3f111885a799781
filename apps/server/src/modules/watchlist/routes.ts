/** `/api/watchlist` (docs/API.md): the signed-in user's starred symbols; thin handlers over manage-watchlist. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { WatchlistParams, WatchlistResponse } from '@cryptosim/contracts';
import type { ModuleContext } from '../../kernel/module.js';
import { problemResponses } from '../../kernel/problem.js';
import { authenticate } from '../accounts/index.js';
import { addToWatchlist, dropFromWatchlist, getWatchlist, type WatchlistDeps } from './manage-watchlist.js';

export async function watchlistRoutes(server: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const deps: WatchlistDeps = { db: ctx.ports.db.db, symbols: ctx.ports.market.symbols };
  const tags = ['watchlist'];
  const security = [{ bearerAuth: [] }];
  app.addHook('onRequest', authenticate(ctx.config, ctx.ports.cache));

  app.get(
    '/api/watchlist',
    { schema: { tags, security, summary: 'Your starred symbols, oldest star first', response: { 200: WatchlistResponse, ...problemResponses(401) } } },
    async (request) => getWatchlist(deps, request.user.id),
  );

  app.put(
    '/api/watchlist/:symbol',
    {
      schema: {
        tags,
        security,
        summary: 'Star a symbol (starring it again changes nothing); at most 50',
        params: WatchlistParams,
        response: { 200: WatchlistResponse, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => addToWatchlist(deps, request.user.id, request.params.symbol),
  );

  app.delete(
    '/api/watchlist/:symbol',
    {
      schema: { tags, security, summary: 'Remove a star (removing one that is not there changes nothing)', params: WatchlistParams, response: { 200: WatchlistResponse, ...problemResponses(400, 401) } },
    },
    async (request) => dropFromWatchlist(deps, request.user.id, request.params.symbol),
  );
}
