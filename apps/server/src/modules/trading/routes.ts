/** `/api/trading/*` (docs/API.md): authenticated, thin handlers over the trading use cases. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import {
  CancelAllOrdersQuery,
  CancelAllOrdersResponse,
  Order,
  OrderIdParams,
  OrdersExportQuery,
  OrdersQuery,
  OrdersResponse,
  PlaceOrderRequest,
  PlaceOrderResponse,
  ReplaceOrderRequest,
  ReplaceOrderResponse,
  TradeHistoryExportQuery,
  TradeHistoryQuery,
  TradeHistoryResponse,
} from '@cryptosim/contracts';
import type { ModuleContext } from '../../kernel/module.js';
import { problemResponses } from '../../kernel/problem.js';
import { authenticate } from '../accounts/index.js';
import { cancelAllOrders } from './cancel-all-orders.js';
import { cancelOrder } from './cancel-order.js';
import type { OrderSide } from './domain/order-model.js';
import { exportHistoryCsv } from './export-history-csv.js';
import { exportOrdersCsv } from './export-orders-csv.js';
import type { OrderBatcher } from './order-batch/order-batcher.js';
import { placeOrder } from './place-order.js';
import { getOrder, queryHistory, queryOrders } from './query-orders.js';
import { replaceOrder } from './replace-order.js';
import type { TradingDeps } from './trading-deps.js';

const errors = problemResponses(400, 401, 404, 409, 503);

export async function tradingRoutes(server: FastifyInstance, ctx: ModuleContext, deps: TradingDeps, batcher: OrderBatcher): Promise<void> {
  // Handlers take their request and reply types from the route's schemas.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['trading'];
  const security = [{ bearerAuth: [] }];
  // onRequest: an unauthenticated call is 401 before its body or query is even looked at.
  app.addHook('onRequest', authenticate(ctx.config, ctx.ports.cache));

  for (const side of ['BUY', 'SELL'] as const satisfies readonly OrderSide[]) {
    app.post(
      `/api/trading/${side.toLowerCase()}`,
      { schema: { tags, security, body: PlaceOrderRequest, response: { 200: PlaceOrderResponse, 201: PlaceOrderResponse, ...errors } } },
      async (request, reply) => {
        const placed = await placeOrder(deps, batcher, request.user.id, side, request.body);
        // 201 for a new order; 200 when a repeated clientOrderId returns the first one.
        return reply.status(placed.created ? 201 : 200).send({ order: placed.order, fills: placed.fills });
      },
    );
  }

  app.get(
    '/api/trading/orders',
    { schema: { tags, security, querystring: OrdersQuery, response: { 200: OrdersResponse, ...errors } } },
    async (request) => queryOrders(deps.db, request.user.id, request.query),
  );
  app.get(
    '/api/trading/orders/:id',
    { schema: { tags, security, params: OrderIdParams, response: { 200: Order, ...errors } } },
    async (request) => getOrder(deps.db, request.user.id, request.params.id),
  );
  app.delete(
    '/api/trading/orders/:id',
    { schema: { tags, security, params: OrderIdParams, response: { 200: Order, ...errors } } },
    async (request) => cancelOrder(deps, request.user.id, request.params.id),
  );
  app.delete(
    '/api/trading/orders',
    {
      schema: {
        tags,
        security,
        description: 'Cancels every open order (or those of `symbol`) at once; what they held is free again in the same step.',
        querystring: CancelAllOrdersQuery,
        response: { 200: CancelAllOrdersResponse, ...errors },
      },
    },
    async (request) => ({ canceled: await cancelAllOrders(deps, request.user.id, request.query.symbol) }),
  );
  app.post(
    '/api/trading/orders/:id/replace',
    {
      schema: {
        tags,
        security,
        description:
          'Cancel-replace of an open LIMIT, LIMIT_MAKER or untriggered stop-limit order in one step: the old order is CANCELED (replacedBy set) and the new one placed, or, when the new one is refused, nothing changes.',
        params: OrderIdParams,
        body: ReplaceOrderRequest,
        response: { 200: ReplaceOrderResponse, ...errors },
      },
    },
    async (request) => replaceOrder(deps, request.user.id, request.params.id, request.body),
  );
  app.get(
    '/api/trading/history',
    { schema: { tags, security, querystring: TradeHistoryQuery, response: { 200: TradeHistoryResponse, ...errors } } },
    async (request) => queryHistory(deps.db, request.user.id, request.query),
  );
  app.get(
    '/api/trading/history.csv',
    {
      schema: {
        tags,
        security,
        description: 'Every fill of the account (or of one symbol / side), all runs, oldest first, as CSV (RFC 4180, CRLF line ends).',
        querystring: TradeHistoryExportQuery,
        response: { 200: { type: 'string', description: 'text/csv' }, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cryptosim-history.csv"')
        .send(exportHistoryCsv(deps.db, request.user.id, request.query)),
  );
  app.get(
    '/api/trading/orders.csv',
    {
      schema: {
        tags,
        security,
        description: 'Every order of the account matching the filters (status, symbol, side, from, to), all runs, oldest first, as CSV (RFC 4180, CRLF line ends).',
        querystring: OrdersExportQuery,
        response: { 200: { type: 'string', description: 'text/csv' }, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="cryptosim-orders.csv"')
        .send(exportOrdersCsv(deps.db, request.user.id, request.query)),
  );
}
