/**
 * The open orders of a symbol whose level lies where a price path went: buy limits, sell
 * stop-losses and buy take-profits at or above the path's low; the others at or below its
 * high. The status literal matches the partial index orders_open_by_symbol_idx, so the scan
 * stays on open orders however many closed ones pile up.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Dec } from '@cryptosim/trading-rules';
import { OPEN_ORDER_STATUSES, orders } from '../../../db/schema.js';
import { sqlList } from '../../../db/schema/columns.js';
import type { Database } from '../../../ports/db/db-port.js';
import type { OrderRow } from '../order-view.js';

export async function crossableOrders(db: Database, symbol: string, low: Dec, high: Dec): Promise<OrderRow[]> {
  const level = sql`(case when ${orders.type} = 'LIMIT' then ${orders.price} else ${orders.stopPrice} end)`;
  const atOrBelow = sql`((${orders.type} = 'LIMIT' and ${orders.side} = 'BUY') or (${orders.type} = 'STOP_LOSS' and ${orders.side} = 'SELL') or (${orders.type} = 'TAKE_PROFIT' and ${orders.side} = 'BUY'))`;
  return db
    .select()
    .from(orders)
    .where(
      and(
        eq(orders.symbol, symbol),
        sql`${orders.status} in (${sql.raw(sqlList(OPEN_ORDER_STATUSES))})`,
        sql`((${atOrBelow} and ${level} >= ${low.toFixed()}) or (not ${atOrBelow} and ${level} <= ${high.toFixed()}))`,
      ),
    )
    .orderBy(asc(orders.id));
}
