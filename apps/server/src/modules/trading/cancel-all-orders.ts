/**
 * DELETE /api/trading/orders[?symbol=]: cancels every open order of the user (or of one
 * symbol) in one transaction under the user's lock, so no fill, cancel or placement of the
 * user interleaves, and what the orders held returns to free cash and coins at once. Orders
 * are locked in id order after the user row (the lock order of every trading step).
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Order } from '@cryptosim/contracts';
import { OPEN_ORDER_STATUSES, orders } from '../../db/schema.js';
import { EMPTY_POSITION, lockAccount, saveCash, savePosition } from './account-repository.js';
import { releaseOrder } from './domain/reservations.js';
import { updateOrder } from './order-repository.js';
import { toOrderView, toRestingOrder, type OrderRow } from './order-view.js';
import { publishOrderChanges } from './publish-order-changes.js';
import type { TradingDeps } from './trading-deps.js';

export async function cancelAllOrders(deps: TradingDeps, userId: number, symbol?: string): Promise<Order[]> {
  const result = await deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, userId);
    const where: SQL[] = [eq(orders.userId, userId), inArray(orders.status, [...OPEN_ORDER_STATUSES])];
    if (symbol) where.push(eq(orders.symbol, symbol));
    const open = await tx.select().from(orders).where(and(...where)).orderBy(asc(orders.id)).for('update');
    const canceled: OrderRow[] = [];
    const touched = new Set<string>();
    for (const row of open) {
      const released = releaseOrder(toRestingOrder(row), account.cash, account.positions.get(row.symbol) ?? EMPTY_POSITION);
      account.cash = released.account;
      if (row.side === 'SELL') {
        account.positions.set(row.symbol, released.position);
        touched.add(row.symbol);
      }
      canceled.push(await updateOrder(tx, row.id, { status: 'CANCELED', reservedAmount: '0' }));
    }
    if (canceled.length > 0) await saveCash(tx, userId, account.cash);
    // A sell reserved coins of a position that exists, so these are updates of locked rows.
    for (const s of touched) await savePosition(tx, account, s, account.positions.get(s)!);
    return { canceled, account };
  });
  if (result.canceled.length > 0) await publishOrderChanges(deps, userId, result.canceled, result.account);
  return result.canceled.map(toOrderView);
}
