/**
 * DELETE /api/trading/orders/:id. Under the user's lock the order is re-read and locked;
 * only an open one (NEW, PARTIALLY_FILLED) is canceled, and what it held returns to free
 * cash or coins in the same transaction. A matcher fill racing this takes the same locks,
 * so one of them sees the other's result: the order ends filled or canceled, never both.
 */
import type { Order } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import { OPEN_ORDER_STATUSES } from '../../db/schema.js';
import { EMPTY_POSITION, lockAccount, saveCash, savePosition } from './account-repository.js';
import { releaseOrder } from './domain/reservations.js';
import { lockOrder, updateOrder } from './order-repository.js';
import { toOrderView, toRestingOrder } from './order-view.js';
import { publishOrderChanges } from './publish-order-changes.js';
import type { TradingDeps } from './trading-deps.js';

export const isOpen = (status: string) => (OPEN_ORDER_STATUSES as readonly string[]).includes(status);

export async function cancelOrder(deps: TradingDeps, userId: number, id: number): Promise<Order> {
  const result = await deps.db.transaction(async (tx) => {
    const account = await lockAccount(tx, userId);
    const row = await lockOrder(tx, id);
    if (!row || row.userId !== userId) throw new AppError('NOT_FOUND', 404, `Order ${id} was not found.`);
    if (!isOpen(row.status)) {
      throw new AppError('ORDER_NOT_CANCELABLE', 409, `Order ${id} is ${row.status}; only NEW or PARTIALLY_FILLED orders can be canceled.`);
    }
    const position = account.positions.get(row.symbol) ?? EMPTY_POSITION;
    const released = releaseOrder(toRestingOrder(row), account.cash, position);
    if (row.side === 'BUY') await saveCash(tx, userId, released.account);
    else await savePosition(tx, account, row.symbol, released.position);
    account.cash = released.account;
    const canceled = await updateOrder(tx, id, { status: 'CANCELED', reservedAmount: '0' });
    return { canceled, account };
  });
  await publishOrderChanges(deps, userId, [result.canceled], result.account);
  return toOrderView(result.canceled);
}
