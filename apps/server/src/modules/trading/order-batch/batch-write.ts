/**
 * The write of a whole batch as ONE statement (round trip 2, sent with the COMMIT):
 * data-modifying CTEs inserting every order (one multi-row insert), the fills joined to
 * their orders by (user, clientOrderId), each changed user's final cash from a VALUES list
 * and each changed position's final state upserted from another (one row per user and
 * symbol: a row may be written only once per statement, and only the final state matters).
 * PostgreSQL runs each CTE exactly once; a violated constraint fails the whole statement,
 * so nothing of the batch commits.
 *
 * Built as text with quoted literals (ports/db/sql-literal.ts): for hundreds of values that is
 * far cheaper than drizzle's templates. VALUES lists that are joined or assigned from carry
 * explicit casts, since a quoted literal there is text and would not compare or convert.
 */
import { sql, type SQL } from 'drizzle-orm';
import { sqlRow } from '../../../ports/db/sql-literal.js';
import type { OrderRow, FillRow } from '../order-view.js';
import { keyOf } from './batch-reads.js';
import type { BatchPlan, OrderWrite } from './plan-batch.js';

function ordersInsert(writes: readonly OrderWrite[]): string {
  const rows = writes.map(({ order: o }) =>
    sqlRow([o.userId, o.clientOrderId, o.symbol, o.side, o.type, o.status, o.quantity, o.quoteAmount, o.price, o.stopPrice, o.timeInForce,
      o.filledQuantity, o.avgFillPrice, o.fee, o.reservedAmount, o.reservedAsset, o.run]),
  );
  return `insert into orders (user_id, client_order_id, symbol, side, type, status, quantity, quote_amount, price, stop_price, time_in_force,
      filled_quantity, avg_fill_price, fee, reserved_amount, reserved_asset, run)
    values ${rows.join(', ')}
    returning id, user_id, client_order_id, created_at, updated_at`;
}

const FILL_CASTS = ['int', 'varchar', 'varchar', 'varchar', 'numeric', 'numeric', 'numeric', 'numeric', 'numeric', 'int'];

function fillsInsert(writes: readonly OrderWrite[]): string {
  const rows = writes.flatMap(({ order: o, fill: f }) =>
    f
      ? [sqlRow([o.userId, o.clientOrderId, o.symbol, f.side, f.quantity.toFixed(), f.price.toFixed(), f.notional.toFixed(), f.fee.toFixed(), f.realizedPnl?.toFixed() ?? null, o.run], FILL_CASTS)]
      : [],
  );
  return `insert into transactions (user_id, order_id, symbol, type, quantity, price, total_amount, fee, realized_pnl, run)
    select v.user_id, o.id, v.symbol, v.type, v.quantity, v.price, v.total_amount, v.fee, v.realized_pnl, v.run
    from (values ${rows.join(', ')}) as v(user_id, client_order_id, symbol, type, quantity, price, total_amount, fee, realized_pnl, run)
    join o on o.user_id = v.user_id and o.client_order_id = v.client_order_id
    returning id, order_id, created_at`;
}

const CASH_CASTS = ['int', 'numeric', 'numeric'];

function cashUpdate(plan: BatchPlan): string {
  const rows = [...plan.cashChanged].map((userId) => {
    const { cash } = plan.accounts.get(userId)!;
    return sqlRow([userId, cash.balance.toFixed(), cash.reserved.toFixed()], CASH_CASTS);
  });
  return `update users u set balance = v.balance, reserved_balance = v.reserved, updated_at = now()
    from (values ${rows.join(', ')}) as v(id, balance, reserved) where u.id = v.id`;
}

function positionsUpsert(plan: BatchPlan): string {
  const rows = [...plan.positionsChanged.values()].map(([userId, symbol]) => {
    const account = plan.accounts.get(userId)!;
    const p = account.positions.get(symbol)!;
    return sqlRow([userId, symbol, p.quantity.toFixed(), p.reservedQuantity.toFixed(), p.avgPrice.toFixed(), p.realizedPnl.toFixed(), account.run]);
  });
  return `insert into portfolios (user_id, symbol, quantity, reserved_quantity, avg_price, realized_pnl, run)
    values ${rows.join(', ')}
    on conflict (user_id, symbol) do update set quantity = excluded.quantity, reserved_quantity = excluded.reserved_quantity,
      avg_price = excluded.avg_price, realized_pnl = excluded.realized_pnl, updated_at = now()`;
}

/** The batch's statement, or null when no placement has anything to write. */
export function batchWriteStatement(plan: BatchPlan): SQL | null {
  const writes = plan.outcomes.flatMap((o) => (o.kind === 'write' ? [o.write] : []));
  if (writes.length === 0) return null;
  const parts = [`o as (${ordersInsert(writes)})`];
  const anyFill = writes.some((w) => w.fill !== null);
  if (anyFill) parts.push(`f as (${fillsInsert(writes)})`);
  if (plan.cashChanged.size > 0) parts.push(`c as (${cashUpdate(plan)})`);
  if (plan.positionsChanged.size > 0) parts.push(`p as (${positionsUpsert(plan)})`);
  const fillColumns = anyFill
    ? 'f.id as fill_id, f.created_at as fill_created_at from o left join f on f.order_id = o.id'
    : 'null as fill_id, null as fill_created_at from o';
  return sql.raw(`with ${parts.join(', ')} select o.id, o.user_id, o.client_order_id, o.created_at, o.updated_at, ${fillColumns}`);
}

interface Returned {
  id: string | number;
  user_id: string | number;
  client_order_id: string;
  created_at: string | Date;
  updated_at: string | Date;
  fill_id: string | number | null;
  fill_created_at: string | Date | null;
}

export interface WrittenOrder {
  order: OrderRow;
  fill: FillRow | null;
}

/** The written rows of one planned order, from what the batch's statement returned. */
export function writtenOrderFrom(w: OrderWrite, returned: ReadonlyMap<string, unknown>): WrittenOrder {
  const { order: o } = w;
  const r = returned.get(keyOf(o.userId, o.clientOrderId)) as Returned | undefined;
  if (!r) throw new Error(`the batch's statement returned no row for order ${o.clientOrderId} of user ${o.userId}`);
  const order: OrderRow = { ...o, id: Number(r.id), rejectReason: null, triggeredAt: null, replacedBy: null, replaces: null, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at) };
  if (!w.fill) return { order, fill: null };
  if (r.fill_id === null || r.fill_created_at === null) throw new Error(`the batch's statement returned no fill for order ${order.id}`);
  const fill: FillRow = {
    id: Number(r.fill_id),
    userId: o.userId,
    orderId: order.id,
    symbol: o.symbol,
    type: w.fill.side,
    quantity: w.fill.quantity.toFixed(),
    price: w.fill.price.toFixed(),
    totalAmount: w.fill.notional.toFixed(),
    fee: w.fill.fee.toFixed(),
    realizedPnl: w.fill.realizedPnl?.toFixed() ?? null,
    run: o.run,
    createdAt: new Date(r.fill_created_at),
  };
  return { order, fill };
}

/** The returned rows by keyOf(user, clientOrderId). */
export function returnedByKey(rows: unknown[]): Map<string, unknown> {
  return new Map(rows.map((row) => {
    const r = row as Returned;
    return [keyOf(Number(r.user_id), r.client_order_id), r];
  }));
}
