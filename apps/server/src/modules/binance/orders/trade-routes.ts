/**
 * Binance's TRADE and USER_DATA endpoints under /binance/api/v3, on our one trading engine
 * (trading's index): new order (and order/test), query, cancel, cancel all, open orders, all
 * orders, account and myTrades, each SIGNED with an API key.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Order } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import type { ModuleContext } from '../../../kernel/module.js';
import type { ApiKeyAuthenticator, ApiKeyPrincipal } from '../../accounts/index.js';
import type { TradingEngine } from '../../trading/index.js';
import { BinanceError, noSuchOrder } from '../binance-error.js';
import { bdec } from '../binance-decimal.js';
import { type BinanceParams, knownSymbol } from '../binance-params.js';
import { binanceRoute, type Weight } from '../binance-scope.js';
import { authenticateSigned, type Security, type SignedOptions } from '../signed/signed-request.js';
import type { UsageLimits } from '../usage-limits.js';
import { canceledOrder, newOrderReply, queriedOrder, tradeRow } from './binance-order-view.js';
import { newOrderOf } from './order-params.js';

export interface TradeRouteDeps {
  ctx: ModuleContext;
  usage: UsageLimits;
  engine: TradingEngine;
  authenticator: ApiKeyAuthenticator;
}

type SignedHandler = (params: BinanceParams, principal: ApiKeyPrincipal, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

const LIST_LIMIT = { min: 1, max: 1000 };
const free = (total: string, reserved: string) => new Dec(total).minus(reserved);
const cashFree = (cash: { balance: string; reserved: string }) => free(cash.balance, cash.reserved);

export async function tradeRoutes(scope: FastifyInstance, deps: TradeRouteDeps): Promise<void> {
  const { engine, usage } = deps;
  const lookup = (s: string) => deps.ctx.ports.market.symbols.get(s);

  function signed(method: 'GET' | 'POST' | 'DELETE', url: string, summary: string, weight: Weight, security: Security, handler: SignedHandler, options: SignedOptions = {}) {
    binanceRoute(scope, usage, {
      method,
      url,
      summary,
      weight,
      async handler(params, request, reply) {
        const principal = await authenticateSigned(request, params, deps.authenticator, security, options);
        return handler(params, principal, request, reply);
      },
    });
  }

  const symbolOf = (params: BinanceParams) => knownSymbol(params.required('symbol'), lookup).symbol;

  /** `orderId` or `origClientOrderId`, Binance's two ways to name an order. */
  async function findOrder(params: BinanceParams, userId: number, symbol: string): Promise<Order | undefined> {
    const id = params.integer('orderId', { min: 1 });
    const clientOrderId = params.optional('origClientOrderId');
    if (id === undefined && clientOrderId === undefined) throw new BinanceError(-1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    const order = await engine.order(userId, id !== undefined ? { id } : { clientOrderId: clientOrderId! });
    if (!order || order.symbol !== symbol) return undefined;
    if (id !== undefined && clientOrderId !== undefined && order.clientOrderId !== clientOrderId) return undefined;
    return order;
  }

  signed(
    'POST',
    '/api/v3/order',
    'Binance: new order (SIGNED)',
    1,
    'TRADE',
    async (params, principal, request, reply) => {
      const { side, body, respType } = newOrderOf(params);
      knownSymbol(body.symbol, lookup);
      void reply.headers(await usage.countOrder(String(principal.userId)));
      // The order's transaction refuses it if the key is revoked by then (authenticated without a read).
      const placed = await engine.place(principal.userId, side, body, { apiKeyId: principal.keyId });
      // Binance refuses a client order id already in use; our engine would answer with the first order.
      if (!placed.created) throw new BinanceError(-2010, 'Duplicate order sent.');
      const fills = respType === 'FULL' ? placed.fills : [];
      return newOrderReply(placed.order, fills, respType);
    },
    { liveCheckByHandler: true },
  );

  signed('POST', '/api/v3/order/test', 'Binance: test new order (SIGNED): every check, nothing placed', 1, 'TRADE', async (params) => {
    const { side, body } = newOrderOf(params);
    knownSymbol(body.symbol, lookup);
    await engine.check(side, body);
    if (params.optional('computeCommissionRates') === 'true') {
      const rates = engine.deps.config.fees;
      const rate = (d: { toFixed(): string }) => bdec(d.toFixed());
      return {
        standardCommissionForOrder: { maker: rate(rates.maker), taker: rate(rates.taker) },
        taxCommissionForOrder: { maker: bdec('0'), taker: bdec('0') },
        discount: { enabledForAccount: false, enabledForSymbol: false, discountAsset: 'BNB', discount: bdec('0') },
      };
    }
    return {};
  });

  signed('GET', '/api/v3/order', 'Binance: query order (SIGNED)', 4, 'USER_DATA', async (params, principal) => {
    const order = await findOrder(params, principal.userId, symbolOf(params));
    if (!order) throw noSuchOrder();
    return queriedOrder(order);
  });

  signed('DELETE', '/api/v3/order', 'Binance: cancel order (SIGNED)', 1, 'TRADE', async (params, principal) => {
    const order = await findOrder(params, principal.userId, symbolOf(params));
    if (!order) throw new BinanceError(-2011, 'Unknown order sent.');
    return canceledOrder(await engine.cancel(principal.userId, order.id));
  });

  signed('DELETE', '/api/v3/openOrders', "Binance: cancel all of a symbol's open orders (SIGNED)", 1, 'TRADE', async (params, principal) => {
    const symbol = symbolOf(params);
    const open = await engine.openOrders(principal.userId, symbol);
    const canceled = [];
    for (const order of open) {
      try {
        canceled.push(canceledOrder(await engine.cancel(principal.userId, order.id)));
      } catch (err) {
        // Filled by the matcher since it was listed: no longer open, nothing to cancel.
        if ((err as { code?: string }).code !== 'ORDER_NOT_CANCELABLE') throw err;
      }
    }
    if (canceled.length === 0 && open.length === 0) throw new BinanceError(-2011, 'Unknown order sent.');
    return canceled;
  });

  signed('GET', '/api/v3/openOrders', 'Binance: open orders (SIGNED)', (p) => (p.has('symbol') ? 6 : 80), 'USER_DATA', async (params, principal) => {
    const name = params.symbolName('symbol');
    const symbol = name === undefined ? undefined : knownSymbol(name, lookup).symbol;
    return (await engine.openOrders(principal.userId, symbol)).map(queriedOrder);
  });

  signed('GET', '/api/v3/allOrders', 'Binance: all orders of a symbol (SIGNED)', 20, 'USER_DATA', async (params, principal) => {
    const symbol = symbolOf(params);
    const orders = await engine.orders(principal.userId, {
      symbol,
      fromId: params.integer('orderId', { min: 0 }),
      startTime: params.integer('startTime', { min: 0 }),
      endTime: params.integer('endTime', { min: 0 }),
      limit: params.integer('limit', LIST_LIMIT) ?? 500,
    });
    return orders.map(queriedOrder);
  });

  signed('GET', '/api/v3/myTrades', 'Binance: trades of a symbol (SIGNED)', 20, 'USER_DATA', async (params, principal) => {
    const symbol = symbolOf(params);
    const orderId = params.integer('orderId', { min: 0 });
    const fromId = params.integer('fromId', { min: 0 });
    if (orderId !== undefined && fromId !== undefined) throw new BinanceError(-1128, 'Combination of optional parameters invalid.');
    const fills = await engine.fills(principal.userId, {
      symbol,
      orderId,
      fromId,
      startTime: params.integer('startTime', { min: 0 }),
      endTime: params.integer('endTime', { min: 0 }),
      limit: params.integer('limit', LIST_LIMIT) ?? 500,
    });
    const orders = new Map<number, Order>();
    for (const id of new Set(fills.map((f) => f.orderId))) {
      const order = await engine.order(principal.userId, { id });
      if (order) orders.set(id, order);
    }
    return fills.map((f) => tradeRow(f, orders.get(f.orderId)));
  });

  signed('GET', '/api/v3/account', 'Binance: account balances and commission rates (SIGNED)', 20, 'USER_DATA', async (params, principal) => {
    const { cash, positions } = await engine.balances(principal.userId);
    const { maker, taker } = engine.deps.config.fees;
    const rows = [
      { asset: 'USDT', free: bdec(cashFree(cash)), locked: bdec(cash.reserved) },
      ...positions.map((p) => {
        const info = lookup(p.symbol);
        return { asset: info?.baseAsset ?? p.symbol, free: bdec(free(p.quantity, p.reserved)), locked: bdec(p.reserved) };
      }),
    ];
    const omitZero = params.optional('omitZeroBalances') === 'true';
    return {
      makerCommission: maker.times(10_000).toNumber(),
      takerCommission: taker.times(10_000).toNumber(),
      buyerCommission: 0,
      sellerCommission: 0,
      commissionRates: { maker: bdec(maker), taker: bdec(taker), buyer: bdec('0'), seller: bdec('0') },
      canTrade: principal.permissions.trade,
      canWithdraw: false,
      canDeposit: false,
      brokered: false,
      requireSelfTradePrevention: false,
      preventSor: false,
      updateTime: Date.now(),
      accountType: 'SPOT',
      balances: omitZero ? rows.filter((r) => Number(r.free) !== 0 || Number(r.locked) !== 0) : rows,
      permissions: ['SPOT'],
      uid: principal.userId,
    };
  });
}
