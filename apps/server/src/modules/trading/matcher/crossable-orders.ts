/**
 * The open orders of a symbol whose level lies where a price path went: the orders that wait
 * for a fall (buy limits, sell stop-losses, buy take-profits) at or above the path's low, the
 * others at or below its high. The level and direction are trigger.ts's, in SQL: a resting
 * limit (LIMIT, LIMIT_MAKER, a stop-limit already triggered) waits at its price, a stop or an
 * untriggered stop-limit at its stop price. The status literal matches the partial index
 * orders_open_by_symbol_idx, so the scan stays on open orders however many closed ones pile up.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Dec } from '@cryptosim/trading-rules';
import { OPEN_ORDER_STATUSES, orders } from '../../../db/schema.js';
import { sqlList } from '../../../db/schema/columns.js';
import type { Database } from '../../../ports/db/db-port.js';
import type { OrderRow } from '../order-view.js';

export async function crossableOrders(db: Database, symbol: string, low: Dec, high: Dec): Promise<OrderRow[]> {
  const asLimit = sql`(${orders.type} in ('LIMIT', 'LIMIT_MAKER') or (${orders.type} in ('STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT') and ${orders.triggeredAt} is not null))`;
  const level = sql`(case when ${asLimit} then ${orders.price} else ${orders.stopPrice} end)`;
  const atOrBelow = sql`(case when ${asLimit} then ${orders.side} = 'BUY'
    when ${orders.type} in ('STOP_LOSS', 'STOP_LOSS_LIMIT') then ${orders.side} = 'SELL'
    else ${orders.side} = 'BUY' end)`;
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
