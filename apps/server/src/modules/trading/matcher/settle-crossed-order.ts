/**
 * Settles one order the price crossed, in its own transaction. Under the user's lock the order
 * is locked and re-read: one that is no longer open (canceled meanwhile, or filled by an
 * earlier delivery of the same tick), or no longer in the state the matcher saw (a stop-limit
 * that triggered meanwhile), is skipped, which makes a redelivered batch harmless and a fill
 * racing a cancel end as exactly one of them.
 *
 * A fill the account cannot pay (a buy stop that gapped past its reservation and the free
 * cash) is REJECTED with the rule's code, and what the order held is released.
 *
 * A stop-limit whose stop is crossed either fills now (its limit is marketable), or starts
 * resting as a limit: triggered_at is set and it keeps its reservation, which was sized for
 * its limit price from the start; or, IOC / FOK, expires and releases what it held.
 */
import { AppError } from '../../../kernel/app-error.js';
import { EMPTY_POSITION, lockAccount, saveCash, savePosition, type LockedAccount } from '../account-repository.js';
import { isOpen } from '../cancel-order.js';
import { symbolRules } from '@cryptosim/trading-rules';
import { matchExecution, stopLimitOnTrigger } from '../domain/match-orders.js';
import type { Execution, MarketSnapshot, Position, RestingOrder } from '../domain/order-model.js';
import { planFill } from '../domain/plan-fill.js';
import { releaseOrder } from '../domain/reservations.js';
import { insertFill, lockOrder, updateOrder } from '../order-repository.js';
import { toRestingOrder, type OrderRow } from '../order-view.js';
import type { Database } from '../../../ports/db/db-port.js';
import type { TradingDeps } from '../trading-deps.js';

export type Settlement =
  | { kind: 'skipped' }
  | { kind: 'filled' | 'rejected' | 'triggered' | 'expired'; order: OrderRow; account: LockedAccount };

const isUntriggeredStopLimit = (order: RestingOrder) => (order.type === 'STOP_LOSS_LIMIT' || order.type === 'TAKE_PROFIT_LIMIT') && !order.triggered;

/** Cancel-like end of an open order: what it held returns, the order takes `status`. */
async function closeReleasing(tx: Database, account: LockedAccount, row: OrderRow, position: Position, values: { status: 'REJECTED' | 'EXPIRED'; rejectReason?: string }) {
  const released = releaseOrder(toRestingOrder(row), account.cash, position);
  await saveCash(tx, account.userId, released.account);
  await savePosition(tx, account, row.symbol, released.position);
  account.cash = released.account;
  return updateOrder(tx, row.id, { ...values, reservedAmount: '0' });
}

export async function settleCrossedOrder(
  deps: TradingDeps,
  orderId: number,
  userId: number,
  market: MarketSnapshot,
  seen?: Pick<RestingOrder, 'triggered'>,
): Promise<Settlement> {
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
    if (seen && Boolean(seen.triggered) !== Boolean(order.triggered)) return { kind: 'skipped' };
    const position = account.positions.get(row.symbol) ?? EMPTY_POSITION;

    let execution: Execution;
    if (isUntriggeredStopLimit(order)) {
      const outcome = stopLimitOnTrigger(order, market, rules, deps.config);
      if (outcome.kind === 'rest') {
        const triggered = await updateOrder(tx, orderId, { triggeredAt: new Date() });
        return { kind: 'triggered', order: triggered, account };
      }
      if (outcome.kind === 'expire') return { kind: 'expired', order: await closeReleasing(tx, account, row, position, { status: 'EXPIRED' }), account };
      execution = outcome.execution;
    } else {
      execution = matchExecution(order, market, rules, deps.config);
    }

    let plan;
    try {
      plan = planFill({ order, execution, rules, account: account.cash, position, config: deps.config });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const rejected = await closeReleasing(tx, account, row, position, { status: 'REJECTED', rejectReason: err.code });
      return { kind: 'rejected', order: rejected, account };
    }
    const { fill } = plan;
    const filled = await updateOrder(tx, orderId, {
      status: 'FILLED',
      filledQuantity: fill.quantity.toFixed(),
      avgFillPrice: fill.price.toFixed(),
      fee: fill.fee.toFixed(),
      reservedAmount: '0',
      ...(isUntriggeredStopLimit(order) ? { triggeredAt: new Date() } : {}),
    });
    await insertFill(tx, filled, fill);
    await saveCash(tx, userId, plan.account);
    await savePosition(tx, account, row.symbol, plan.position);
    account.cash = plan.account;
    return { kind: 'filled', order: filled, account };
  });
}
