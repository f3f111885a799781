/** `/api/portfolio/*` (API.md): authenticated, thin handlers over the portfolio use cases. */
import type { FastifyInstance } from 'fastify';
import { PerformanceQuery, PerformanceResponse, Portfolio } from '@cryptosim/contracts';
import type { ModuleContext } from '../../app/module.js';
import { authenticate, publishUserEvent } from '../accounts/index.js';
import { cachedAccountSnapshot } from './account-snapshot.js';
import { getPerformance } from './get-performance.js';
import { publishPortfolio } from './publish-portfolio.js';
import { resetAccount } from './reset-portfolio.js';
import { valuePortfolio } from './value-portfolio.js';
import { toOrderView } from '../trading/order-view.js';

const problem = { $ref: 'Problem#' };

export async function portfolioRoutes(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const { db } = ctx.ports.db;
  const { cache } = ctx.ports;
  const logger = ctx.logger.child({ module: 'portfolio' });
  const tags = ['portfolio'];
  const security = [{ bearerAuth: [] }];
  app.addHook('onRequest', authenticate(ctx.config, ctx.ports.cache));

  app.get('/api/portfolio', { schema: { tags, security, response: { 200: Portfolio, 401: problem } } }, async (request) =>
    valuePortfolio(cache, await cachedAccountSnapshot(db, cache, request.user.id)),
  );

  app.get<{ Querystring: PerformanceQuery }>(
    '/api/portfolio/performance',
    { schema: { tags, security, querystring: PerformanceQuery, response: { 200: PerformanceResponse, 400: problem, 401: problem } } },
    async (request) => getPerformance(db, cache, request.user.id, request.query.range ?? 'all'),
  );

  app.post(
    '/api/portfolio/reset',
    {
      schema: {
        tags,
        security,
        summary: 'Start over at the initial balance; earlier orders and fills stay in history with their run',
        response: { 200: Portfolio, 401: problem },
      },
    },
    async (request) => {
      const userId = request.user.id;
      const { account, canceled } = await resetAccount(db, userId);
      try {
        await Promise.all(canceled.map((row) => publishUserEvent(cache, userId, 'order', toOrderView(row))));
      } catch (err) {
        logger.warn({ err, userId }, 'reset committed but the canceled orders could not be published');
      }
      await publishPortfolio(cache, logger, userId, account);
      return valuePortfolio(cache, account);
    },
  );
}
