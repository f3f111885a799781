/**
 * GET /api/trading/fees: the configured maker and taker rates and the slippage cap, public so a
 * ticket can preview fees, and what a resting buy reserves (reservations.ts), before sign-in.
 */
import type { FastifyInstance } from 'fastify';
import { FeeRatesResponse } from '@cryptosim/contracts';
import type { TradingConfig } from './domain/trading-config.js';

export async function feeRoutes(app: FastifyInstance, config: TradingConfig): Promise<void> {
  // Fixed for the life of the process (read from the environment at start), so computed once.
  const rates: FeeRatesResponse = {
    makerFeeRate: config.fees.maker.toFixed(),
    takerFeeRate: config.fees.taker.toFixed(),
    stopSlippageCap: config.slippage.cap.toFixed(),
  };
  app.get(
    '/api/trading/fees',
    {
      schema: {
        tags: ['trading'],
        description:
          'Fee rates charged in USDT on top of the notional: maker for resting orders filled later, taker for orders that fill on arrival; and the slippage cap a resting stop buy reserves for.',
        response: { 200: FeeRatesResponse },
      },
    },
    async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(rates),
  );
}
