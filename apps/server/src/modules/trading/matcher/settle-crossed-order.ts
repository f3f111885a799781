/**
 * Fills one order the price crossed, in its own transaction. Under the user's lock the order
 * is locked and re-read: one that is no longer open (canceled meanwhile, or filled by an
 * earlier delivery of the same tick) is skipped, which makes a redelivered batch harmless
 * and a fill racing a cancel end as exactly one of them.
 *
 * A fill the account cannot pay (a buy stop that gapped past its reservation and the free
 * cash) is REJECTED with the rule's code, and what the order held is released.
 */
import { AppError } from '../../../kernel/app-error.js';
import { EMPTY_POSITION, lockAccount, saveCash, savePosition, type LockedAccount } from '../account-repository.js';
import { isOpen } from '../cancel-order.js';
import { symbolRules } from '@cryptosim/trading-rules';
import { matchExecution } from '../domain/match-orders.js';
import type { MarketSnapshot } from '../domain/order-model.js';
import { planFill } from '../domain/plan-fill.js';
import { releaseOrder } from '../domain/reservations.js';
import { insertFill, lockOrder, updateOrder } from '../order-repository.js';
import { toRestingOrder, type OrderRow } from '../order-view.js';
import type { TradingDeps } from '../trading-deps.js';

export type Settlement =
  | { kind: 'skipped' }
  | { kind: 'filled' | 'rejected'; order: OrderRow; account: LockedAccount };

export async function settleCrossedOrder(deps: TradingDeps, orderId: number, userId: number, market: MarketSnapshot): Promise<Settlement> {
  return deps.db.transaction(async (tx): Promise<Settlement> => {
    const account = await lockAccount(tx, userId);
    const row = await lockOrder(tx, orderId);
    if (!row || !isOpen(row.status)) return { kind: 'skipped' };
    const info = deps.symbols().get(row.symbol);
    if (!info) {
      deps.logger.warn({ orderId, symbol: row.symbol }, 'open order on a symbol no longer configured; left open');
      return { kind: 'skipped' };
    }
    const rules = symbolRules(info);
    const order = toRestingOrder(row);
    const position = account.positions.get(row.symbol) ?? EMPTY_POSITION;
    let plan;
    try {
      plan = planFill({ order, execution: matchExecution(order, market, rules, deps.config), rules, account: account.cash, position, config: deps.config });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const released = releaseOrder(order, account.cash, position);
      await saveCash(tx, userId, released.account);
      await savePosition(tx, account, row.symbol, released.position);
      account.cash = released.account;
      const rejected = await updateOrder(tx, orderId, { status: 'REJECTED', rejectReason: err.code, reservedAmount: '0' });
      return { kind: 'rejected', order: rejected, account };
    }
    const { fill } = plan;
    const filled = await updateOrder(tx, orderId, {
      status: 'FILLED',
      filledQuantity: fill.quantity.toFixed(),
      avgFillPrice: fill.price.toFixed(),
      fee: fill.fee.toFixed(),
      reservedAmount: '0',
    });
    await insertFill(tx, filled, fill);
    await saveCash(tx, userId, plan.account);
    await savePosition(tx, account, row.symbol, plan.position);
    account.cash = plan.account;
    return { kind: 'filled', order: filled, account };
  });
}
