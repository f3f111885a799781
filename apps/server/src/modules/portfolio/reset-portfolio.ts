/**
 * POST /api/portfolio/reset: the account starts over. In one transaction under the user's
 * lock: open orders are canceled (their reservations vanish with the positions), positions
 * are removed, cash returns to the initial balance and the run number goes up. Orders and
 * fills of earlier runs stay, each marked with its run. An equity point at the initial
 * balance marks where the new run's curve starts.
 */
import { and, eq, sql } from 'drizzle-orm';
import { dec } from '@cryptosim/trading-rules';
import { AppError } from '../../kernel/app-error.js';
import { equitySnapshots, OPEN_ORDER_STATUSES, orders, positions, users } from '../../db/schema.js';
import { sqlList } from '../../db/schema/columns.js';
import type { Database } from '../../ports/db/db-port.js';
import type { AccountSnapshot } from './account-snapshot.js';
import type { BalanceChange } from './balance-changes.js';
import { MINUTE_MS } from './equity-snapshots.js';

export interface ResetResult {
  account: AccountSnapshot;
  canceled: Array<typeof orders.$inferSelect>;
  change: BalanceChange;
}

export async function resetAccount(db: Database, userId: number, now = new Date()): Promise<ResetResult> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ initialBalance: users.initialBalance, balance: users.balance, run: users.run }).from(users).where(eq(users.id, userId)).for('update');
    if (!user) throw new AppError('UNAUTHORIZED', 401, 'The account of this token no longer exists.');
    const canceled = await tx
      .update(orders)
      .set({ status: 'CANCELED', reservedAmount: '0', updatedAt: sql`now()` })
      .where(and(eq(orders.userId, userId), sql`${orders.status} in (${sql.raw(sqlList(OPEN_ORDER_STATUSES))})`))
      .returning();
    const held = await tx.delete(positions).where(eq(positions.userId, userId)).returning({ symbol: positions.symbol, quantity: positions.quantity });
    const run = user.run + 1;
    await tx.update(users).set({ balance: user.initialBalance, reservedBalance: '0', run }).where(eq(users.id, userId));
    await tx
      .insert(equitySnapshots)
      // The reset's minute belongs to the new run: it overwrites the old run's point of that minute.
      .values({ userId, run, time: new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS), value: user.initialBalance })
      .onConflictDoUpdate({ target: [equitySnapshots.userId, equitySnapshots.time], set: { run, value: user.initialBalance } });
    const initialBalance = dec(user.initialBalance);
    const change: BalanceChange = {
      reason: 'reset',
      at: now.toISOString(),
      cashDelta: initialBalance.minus(user.balance).toString(),
      positions: held.filter((p) => !dec(p.quantity).isZero()).map((p) => ({ symbol: p.symbol, delta: dec(p.quantity).negated().toString() })),
    };
    return { account: { cash: { balance: initialBalance, reserved: dec('0') }, initialBalance, run, positions: new Map() }, canceled, change };
  });
}
