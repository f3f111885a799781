/** GET /api/trading/fees: the configured maker and taker rates, public so a ticket can preview fees before sign-in. */
import type { FastifyInstance } from 'fastify';
import { FeeRatesResponse } from '@cryptosim/contracts';
import type { TradingConfig } from './domain/trading-config.js';

export async function feeRoutes(app: FastifyInstance, config: TradingConfig): Promise<void> {
  // Fixed for the life of the process (read from the environment at start), so computed once.
  const rates: FeeRatesResponse = { makerFeeRate: config.fees.maker.toFixed(), takerFeeRate: config.fees.taker.toFixed() };
  app.get(
    '/api/trading/fees',
    {
      schema: {
        tags: ['trading'],
        description: 'Fee rates charged in USDT on top of the notional: maker for resting orders filled later, taker for orders that fill on arrival.',
        response: { 200: FeeRatesResponse },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(rates),
  );
}
