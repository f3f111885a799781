/**
 * The one trading engine of a process, as other faces on it (the Binance-compatible API) use
 * it: the same deps and the same order batcher as /api/trading, so orders from either face
 * share group commits, rules, fees, slippage and reservations. One per set of ports.
 */
import { and, asc, desc as sqlDesc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { Order, PlaceOrderRequest, Transaction } from '@cryptosim/contracts';
import { symbolRules } from '@cryptosim/trading-rules';
import { OPEN_ORDER_STATUSES, fills, orders, positions, users } from '../../db/schema.js';
import type { ModuleContext } from '../../kernel/module.js';
import { AppError } from '../../kernel/app-error.js';
import { cancelOrder } from './cancel-order.js';
import { checkExchangeRules } from './domain/check-exchange-rules.js';
import type { OrderSide } from './domain/order-model.js';
import { parseOrderRequest } from './domain/parse-order-request.js';
import { takerFillPrice } from './domain/slippage.js';
import { knownSymbolInfo, liveMarket } from './live-market.js';
import type { OrderBatcher } from './order-batch/order-batcher.js';
import { orderBatcherFor } from './order-batch/order-batcher-for.js';
import { placeOrder, type PlacedOrder, type PlaceOptions } from './place-order.js';
import { fillsOfOrder, findOrder, findOrderByClientId } from './order-repository.js';
import { toOrderView, toTransactionView } from './order-view.js';
import { tradingDepsOf } from './trading-deps-of.js';
import type { TradingDeps } from './trading-deps.js';

export interface OrderRange {
  symbol: string;
  fromId?: number | undefined;
  startTime?: number | undefined;
  endTime?: number | undefined;
  limit: number;
}

export interface Balances {
  cash: { balance: string; reserved: string };
  positions: Array<{ symbol: string; quantity: string; reserved: string }>;
}

export interface TradingEngine {
  deps: TradingDeps;
  batcher: OrderBatcher;
  place(userId: number, side: OrderSide, body: PlaceOrderRequest, options?: PlaceOptions): Promise<PlacedOrder>;
  /** Every check a placement makes before it touches the account (symbol, fields, filters at the live price). */
  check(side: OrderSide, body: PlaceOrderRequest): Promise<void>;
  cancel(userId: number, orderId: number): Promise<Order>;
  order(userId: number, ref: { id?: number; clientOrderId?: string }): Promise<Order | undefined>;
  fillsOf(userId: number, orderId: number): Promise<Transaction[]>;
  /** The user's open orders (of one symbol, or all), oldest first. */
  openOrders(userId: number, symbol?: string): Promise<Order[]>;
  /** Orders of one symbol, oldest first: from `fromId`, or the latest `limit` of the time range. */
  orders(userId: number, range: OrderRange): Promise<Order[]>;
  fills(userId: number, range: OrderRange & { orderId?: number | undefined }): Promise<Transaction[]>;
  balances(userId: number): Promise<Balances>;
}

const engines = new WeakMap<object, TradingEngine>();

function timeRange(column: typeof orders.createdAt | typeof fills.createdAt, range: OrderRange): SQL[] {
  const where: SQL[] = [];
  if (range.startTime !== undefined) where.push(gte(column, new Date(range.startTime)));
  if (range.endTime !== undefined) where.push(lte(column, new Date(range.endTime)));
  return where;
}

export function tradingEngineOf(ctx: ModuleContext): TradingEngine {
  const existing = engines.get(ctx.ports);
  if (existing) return existing;
  const deps = tradingDepsOf(ctx);
  const batcher = orderBatcherFor(deps, ctx.config.orderBatchMax);
  const db = deps.db;
  const engine: TradingEngine = {
    deps,
    batcher,
    place: (userId, side, body, options) => placeOrder(deps, batcher, userId, side, body, options),
    async check(side, body) {
      const info = knownSymbolInfo(deps.symbols(), body.symbol);
      const intent = parseOrderRequest(side, body);
      const market = await liveMarket(deps.cache, body.symbol);
      const rules = symbolRules(info);
      const notional = intent.quantity ? intent.quantity.times(market.price) : (intent.quoteAmount ?? market.price);
      const price = intent.type === 'MARKET' ? takerFillPrice(side, market.price, notional, market.quoteVolume, rules.tickSize, deps.config.slippage) : market.price;
      checkExchangeRules(intent, rules, price);
    },
    cancel: (userId, orderId) => cancelOrder(deps, userId, orderId),
    async order(userId, ref) {
      const row = ref.id !== undefined ? await findOrder(db, userId, ref.id) : ref.clientOrderId !== undefined ? await findOrderByClientId(db, userId, ref.clientOrderId) : undefined;
      if (row && ref.clientOrderId !== undefined && row.clientOrderId !== ref.clientOrderId) return undefined;
      return row ? toOrderView(row) : undefined;
    },
    async fillsOf(userId, orderId) {
      const row = await findOrder(db, userId, orderId);
      if (!row) throw new AppError('NOT_FOUND', 404, `Order ${orderId} was not found.`);
      return (await fillsOfOrder(db, orderId)).map(toTransactionView);
    },
    async openOrders(userId, symbol) {
      const where: SQL[] = [eq(orders.userId, userId), inArray(orders.status, [...OPEN_ORDER_STATUSES])];
      if (symbol) where.push(eq(orders.symbol, symbol));
      return (await db.select().from(orders).where(and(...where)).orderBy(asc(orders.id))).map(toOrderView);
    },
    async orders(userId, range) {
      const where: SQL[] = [eq(orders.userId, userId), eq(orders.symbol, range.symbol), ...timeRange(orders.createdAt, range)];
      if (range.fromId !== undefined) {
        where.push(gte(orders.id, range.fromId));
        return (await db.select().from(orders).where(and(...where)).orderBy(asc(orders.id)).limit(range.limit)).map(toOrderView);
      }
      const latest = await db.select().from(orders).where(and(...where)).orderBy(sqlDesc(orders.id)).limit(range.limit);
      return latest.reverse().map(toOrderView);
    },
    async fills(userId, range) {
      const where: SQL[] = [eq(fills.userId, userId), eq(fills.symbol, range.symbol), ...timeRange(fills.createdAt, range)];
      if (range.orderId !== undefined) where.push(eq(fills.orderId, range.orderId));
      if (range.fromId !== undefined) {
        where.push(gte(fills.id, range.fromId));
        return (await db.select().from(fills).where(and(...where)).orderBy(asc(fills.id)).limit(range.limit)).map(toTransactionView);
      }
      const latest = await db.select().from(fills).where(and(...where)).orderBy(sqlDesc(fills.id)).limit(range.limit);
      return latest.reverse().map(toTransactionView);
    },
    async balances(userId) {
      const [user] = await db.select({ balance: users.balance, reserved: users.reservedBalance }).from(users).where(eq(users.id, userId));
      if (!user) throw new AppError('UNAUTHORIZED', 401, 'The account of this key no longer exists.');
      const held = await db
        .select({ symbol: positions.symbol, quantity: positions.quantity, reserved: positions.reservedQuantity })
        .from(positions)
        .where(eq(positions.userId, userId))
        .orderBy(asc(positions.symbol));
      return { cash: user, positions: held };
    },
  };
  engines.set(ctx.ports, engine);
  return engine;
}
