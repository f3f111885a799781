/** Data access for orders and fills. Use cases pass `tx` inside their transaction. */
import { and, asc, desc, eq, gt, gte, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { OrderStatusFilter } from '@cryptosim/contracts';
import { OPEN_ORDER_STATUSES, orders, fills } from '../../db/schema.js';
import type { Database } from '../../ports/db/db-port.js';
import type { Fill } from './domain/plan-fill.js';
import type { OrderRow, FillRow } from './order-view.js';

export type NewOrder = typeof orders.$inferInsert;

export async function insertFill(tx: Database, order: OrderRow, fill: Fill): Promise<FillRow> {
  const [row] = await tx
    .insert(fills)
    .values({
      userId: order.userId,
      orderId: order.id,
      symbol: order.symbol,
      type: fill.side,
      quantity: fill.quantity.toFixed(),
      price: fill.price.toFixed(),
      totalAmount: fill.notional.toFixed(),
      fee: fill.fee.toFixed(),
      realizedPnl: fill.realizedPnl?.toFixed() ?? null,
      run: order.run,
    })
    .returning();
  return row!;
}

export async function findOrder(db: Database, userId: number, id: number): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(and(eq(orders.id, id), eq(orders.userId, userId)));
  return row;
}

export async function findOrderByClientId(db: Database, userId: number, clientOrderId: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(orders).where(and(eq(orders.userId, userId), eq(orders.clientOrderId, clientOrderId)));
  return row;
}

/** Locks the order row; the caller re-checks its status under the lock. */
export async function lockOrder(tx: Database, id: number): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
  return row;
}

export async function updateOrder(tx: Database, id: number, values: Partial<NewOrder>): Promise<OrderRow> {
  const [row] = await tx
    .update(orders)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(orders.id, id))
    .returning();
  return row!;
}

export async function fillsOfOrder(db: Database, orderId: number): Promise<FillRow[]> {
  return db.select().from(fills).where(eq(fills.orderId, orderId)).orderBy(asc(fills.id));
}

export interface OrderFilter {
  userId: number;
  status: OrderStatusFilter;
  symbol?: string | undefined;
  side?: 'BUY' | 'SELL' | undefined;
  /** Created at or after (ISO date-time). */
  from?: string | undefined;
  /** Created before (ISO date-time). */
  to?: string | undefined;
  beforeId?: number | undefined;
  limit: number;
}

function orderConditions(f: Omit<OrderFilter, 'beforeId' | 'limit'>): SQL[] {
  const where: SQL[] = [eq(orders.userId, f.userId)];
  if (f.status === 'open') where.push(inArray(orders.status, [...OPEN_ORDER_STATUSES]));
  else if (f.status === 'closed') where.push(notInArray(orders.status, [...OPEN_ORDER_STATUSES]));
  else if (f.status !== 'all') where.push(eq(orders.status, f.status));
  if (f.symbol) where.push(eq(orders.symbol, f.symbol));
  if (f.side) where.push(eq(orders.side, f.side));
  if (f.from) where.push(gte(orders.createdAt, new Date(f.from)));
  if (f.to) where.push(lt(orders.createdAt, new Date(f.to)));
  return where;
}

export async function listOrders(db: Database, f: OrderFilter): Promise<OrderRow[]> {
  const where = orderConditions(f);
  if (f.beforeId !== undefined) where.push(lt(orders.id, f.beforeId));
  return db.select().from(orders).where(and(...where)).orderBy(desc(orders.id)).limit(f.limit);
}

/** A page of the matching orders after `afterId`, oldest first (the orders CSV export's order). */
export async function listOrdersAscending(db: Database, f: Omit<OrderFilter, 'beforeId'>, afterId: number): Promise<OrderRow[]> {
  return db
    .select()
    .from(orders)
    .where(and(...orderConditions(f), gt(orders.id, afterId)))
    .orderBy(asc(orders.id))
    .limit(f.limit);
}

export interface FillFilter {
  userId: number;
  symbol?: string;
  side?: 'BUY' | 'SELL';
  beforeId?: number;
  limit: number;
}

function fillConditions(f: Pick<FillFilter, 'userId' | 'symbol' | 'side'>): SQL[] {
  const where: SQL[] = [eq(fills.userId, f.userId)];
  if (f.symbol) where.push(eq(fills.symbol, f.symbol));
  if (f.side) where.push(eq(fills.type, f.side));
  return where;
}

/** A page of the matching fills, newest first. Filters go in the WHERE, so a page is always full when more rows match. */
export async function listFills(db: Database, f: FillFilter): Promise<FillRow[]> {
  const where = fillConditions(f);
  if (f.beforeId !== undefined) where.push(lt(fills.id, f.beforeId));
  return db.select().from(fills).where(and(...where)).orderBy(desc(fills.id)).limit(f.limit);
}

/** A page of the matching fills after `afterId`, oldest first (the CSV export's order). */
export async function listFillsAscending(db: Database, f: Omit<FillFilter, 'beforeId'>, afterId: number): Promise<FillRow[]> {
  return db
    .select()
    .from(fills)
    .where(and(...fillConditions(f), gt(fills.id, afterId)))
    .orderBy(asc(fills.id))
    .limit(f.limit);
}
