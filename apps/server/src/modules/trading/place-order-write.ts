/**
 * The write half of placing an order as ONE statement: the order, its fill (when it takes
 * the market), the new cash and the new position, as data-modifying CTEs. PostgreSQL runs
 * each of them exactly once, and one round trip instead of four is what the hot path of
 * the orders benchmark spends least on. Constraint violations (the unique client order id,
 * the balance CHECKs) surface exactly as they would from separate statements. The statement
 * and the reading of its one returned row are apart so that lock-then-write.ts can send the
 * statement together with the COMMIT.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CashAccount, Position } from './domain/order-model.js';
import type { Fill } from './domain/plan-fill.js';
import type { OrderRow, TransactionRow } from './order-view.js';

export type OrderValues = Omit<OrderRow, 'id' | 'createdAt' | 'updatedAt' | 'rejectReason'>;

export interface PlaceOrderWrite {
  order: OrderValues;
  fill: Fill | null;
  /** The user's cash after the step, when it changed. */
  cash: CashAccount | null;
  /** The position of the order's symbol after the step, when it changed (upserted). */
  position: Position | null;
}

interface Returned {
  id: string | number;
  created_at: string | Date;
  updated_at: string | Date;
  fill_id: string | number | null;
  fill_created_at: string | Date | null;
}

function orderInsert(o: OrderValues): SQL {
  return sql`insert into orders (user_id, client_order_id, symbol, side, type, status, quantity, quote_amount, price, stop_price,
      filled_quantity, avg_fill_price, fee, reserved_amount, reserved_asset, run)
    values (${o.userId}, ${o.clientOrderId}, ${o.symbol}, ${o.side}, ${o.type}, ${o.status}, ${o.quantity}, ${o.quoteAmount}, ${o.price},
      ${o.stopPrice}, ${o.filledQuantity}, ${o.avgFillPrice}, ${o.fee}, ${o.reservedAmount}, ${o.reservedAsset}, ${o.run})
    returning id, created_at, updated_at`;
}

function fillInsert(o: OrderValues, f: Fill): SQL {
  return sql`insert into transactions (user_id, order_id, symbol, type, quantity, price, total_amount, fee, realized_pnl, run)
    select ${o.userId}, o.id, ${o.symbol}, ${f.side}, ${f.quantity.toFixed()}, ${f.price.toFixed()}, ${f.notional.toFixed()},
      ${f.fee.toFixed()}, ${f.realizedPnl?.toFixed() ?? null}, ${o.run} from o
    returning id, created_at`;
}

export interface WrittenOrder {
  order: OrderRow;
  fill: TransactionRow | null;
}

export function placedOrderStatement(w: PlaceOrderWrite): SQL {
  const { order: o } = w;
  const parts: SQL[] = [sql`o as (${orderInsert(o)})`];
  if (w.fill) parts.push(sql`f as (${fillInsert(o, w.fill)})`);
  if (w.cash) {
    parts.push(sql`c as (update users set balance = ${w.cash.balance.toFixed()}, reserved_balance = ${w.cash.reserved.toFixed()}, updated_at = now()
      where id = ${o.userId})`);
  }
  if (w.position) {
    const p = w.position;
    parts.push(sql`p as (insert into portfolios (user_id, symbol, quantity, reserved_quantity, avg_price, realized_pnl, run)
      values (${o.userId}, ${o.symbol}, ${p.quantity.toFixed()}, ${p.reservedQuantity.toFixed()}, ${p.avgPrice.toFixed()}, ${p.realizedPnl.toFixed()}, ${o.run})
      on conflict (user_id, symbol) do update set quantity = excluded.quantity, reserved_quantity = excluded.reserved_quantity,
        avg_price = excluded.avg_price, realized_pnl = excluded.realized_pnl, updated_at = now())`);
  }
  const fillColumns = w.fill ? sql`f.id as fill_id, f.created_at as fill_created_at from o cross join f` : sql`null as fill_id, null as fill_created_at from o`;
  return sql`with ${sql.join(parts, sql`, `)} select o.id, o.created_at, o.updated_at, ${fillColumns}`;
}

/** The written rows from the single row placedOrderStatement returns. */
export function placedOrderFrom(w: PlaceOrderWrite, rows: unknown[]): WrittenOrder {
  const { order: o } = w;
  const r = rows[0] as Returned;
  const order: OrderRow = { ...o, id: Number(r.id), rejectReason: null, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at) };
  const fill: TransactionRow | null =
    w.fill && r.fill_id !== null && r.fill_created_at !== null
      ? {
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
        }
      : null;
  return { order, fill };
}
