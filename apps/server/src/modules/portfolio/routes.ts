/** `/api/portfolio/*` (docs/API.md): authenticated, thin handlers over the portfolio use cases. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PerformanceQuery, PerformanceResponse, Portfolio } from '@cryptosim/contracts';
import type { ModuleContext } from '../../kernel/module.js';
import { problemResponses } from '../../kernel/problem.js';
import { authenticate, publishUserEvent } from '../accounts/index.js';
import { cachedAccountSnapshot } from './account-snapshot.js';
import { publishBalanceChange } from './balance-changes.js';
import { getPerformance } from './get-performance.js';
import { publishPortfolio } from './publish-portfolio.js';
import { resetAccount } from './reset-portfolio.js';
import { valuePortfolio } from './value-portfolio.js';
import { toOrderView } from '../trading/index.js';


export async function portfolioRoutes(server: FastifyInstance, ctx: ModuleContext): Promise<void> {
  // Handlers take their request and reply types from the route's schemas.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = ctx.ports.db;
  const { cache } = ctx.ports;
  const logger = ctx.logger.child({ module: 'portfolio' });
  const tags = ['portfolio'];
  const security = [{ bearerAuth: [] }];
  app.addHook('onRequest', authenticate(ctx.config, ctx.ports.cache));

  app.get('/api/portfolio', { schema: { tags, security, response: { 200: Portfolio, ...problemResponses(401) } } }, async (request) =>
    valuePortfolio(cache, await cachedAccountSnapshot(db, cache, request.user.id)),
  );

  app.get(
    '/api/portfolio/performance',
    { schema: { tags, security, querystring: PerformanceQuery, response: { 200: PerformanceResponse, ...problemResponses(400, 401) } } },
    async (request) => getPerformance(db, cache, request.user.id, request.query.range ?? 'all'),
  );

  app.post(
    '/api/portfolio/reset',
    {
      schema: {
        tags,
        security,
        summary: 'Start over at the initial balance; earlier orders and fills stay in history with their run',
        response: { 200: Portfolio, ...problemResponses(401) },
      },
    },
    async (request) => {
      const userId = request.user.id;
      const { account, canceled, change } = await resetAccount(db, userId);
      try {
        await Promise.all(canceled.map((row) => publishUserEvent(cache, userId, 'order', toOrderView(row))));
        await publishBalanceChange(cache, userId, change);
      } catch (err) {
        logger.warn({ err, userId }, 'reset committed but the canceled orders or the balance change could not be published');
      }
      await publishPortfolio(cache, logger, userId, account);
      return valuePortfolio(cache, account);
    },
  );
}
