/** GET /api/trading/orders, /orders/:id and /history: the caller's rows only, newest first. */
import type { Order, OrdersQuery, OrdersResponse, TradeHistoryQuery, TradeHistoryResponse } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { Database } from '../../ports/db/db-port.js';
import { decodeCursor, page } from './cursor.js';
import { findOrder, listFills, listOrders } from './order-repository.js';
import { toOrderView, toTransactionView } from './order-view.js';

export const DEFAULT_PAGE = 50;

export async function getOrder(db: Database, userId: number, id: number): Promise<Order> {
  const row = await findOrder(db, userId, id);
  // Someone else's order is "not found", not "forbidden": ids must not reveal other accounts.
  if (!row) throw new AppError('NOT_FOUND', 404, `Order ${id} was not found.`);
  return toOrderView(row);
}

export async function queryOrders(db: Database, userId: number, q: OrdersQuery): Promise<OrdersResponse> {
  const limit = q.limit ?? DEFAULT_PAGE;
  const { status = 'all', symbol, side, from, to } = q;
  const rows = await listOrders(db, { userId, status, symbol, side, from, to, beforeId: decodeCursor(q.cursor), limit: limit + 1 });
  const { items, nextCursor } = page(rows, limit);
  return { orders: items.map(toOrderView), nextCursor };
}

export async function queryHistory(db: Database, userId: number, q: TradeHistoryQuery): Promise<TradeHistoryResponse> {
  const limit = q.limit ?? DEFAULT_PAGE;
  const rows = await listFills(db, { userId, symbol: q.symbol, side: q.side, beforeId: decodeCursor(q.cursor), limit: limit + 1 });
  const { items, nextCursor } = page(rows, limit);
  return { transactions: items.map(toTransactionView), nextCursor };
}
