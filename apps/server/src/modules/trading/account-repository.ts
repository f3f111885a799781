/**
 * The account rows a trading step locks and rewrites: the user's cash and every position.
 * Lock order everywhere is user → order → position, so two steps on one account queue on
 * the user row instead of deadlocking, and a fill, a cancel and a reset never interleave.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { positions, users } from '../../db/schema.js';
import { dec, type Dec } from '@cryptosim/trading-rules';
import { AppError } from '../../kernel/app-error.js';
import { rowsOf } from '../../ports/db/rows-of.js';
import type { Database } from '../../ports/db/db-port.js';
import type { CashAccount, Position } from './domain/order-model.js';

export interface LockedAccount {
  userId: number;
  run: number;
  initialBalance: Dec;
  cash: CashAccount;
  /** Every position of the user, by symbol (all locked). */
  positions: Map<string, Position>;
}

export const EMPTY_POSITION: Position = { quantity: dec('0'), reservedQuantity: dec('0'), avgPrice: dec('0'), realizedPnl: dec('0') };

type PositionTuple = [symbol: string, quantity: string, reservedQuantity: string, avgPrice: string, realizedPnl: string];

type LockedRow = { balance: string; reserved: string; initial_balance: string; run: number; positions: PositionTuple[] | string };

/**
 * Locks the user row: every trading step of the user queues here (the lock order's first).
 * It must be its own statement, before the read: under READ COMMITTED a statement reads from
 * the snapshot it started with, so a read that waited for the lock inside the same statement
 * would miss a position row the previous holder inserted (its first buy of a symbol) and
 * overwrite it. A new statement after the wait sees everything committed before.
 */
export function lockUserStatement(userId: number): SQL {
  return sql`select id from users where id = ${userId} for update`;
}

/**
 * The user row and every position row of the user (also locked), in one statement, after
 * lockUserStatement. Amounts come back as text (a JSON number would lose NUMERIC digits).
 */
export function readLockedAccountStatement(userId: number): SQL {
  return sql`
    with u as (select id, balance, reserved_balance, initial_balance, run from users where id = ${userId} for update),
    p as (select symbol, quantity, reserved_quantity, avg_price, realized_pnl from portfolios where user_id = (select id from u) for update)
    select u.balance::text as balance, u.reserved_balance::text as reserved, u.initial_balance::text as initial_balance, u.run,
      coalesce((select json_agg(json_build_array(p.symbol, p.quantity::text, p.reserved_quantity::text, p.avg_price::text, p.realized_pnl::text)) from p), '[]'::json) as positions
    from u`;
}

/** A valid token whose user row is gone (deleted meanwhile). */
export const accountGone = () => new AppError('UNAUTHORIZED', 401, 'The account of this token no longer exists.');

/** The account from the rows of readLockedAccountStatement (json arrives parsed or as text, by driver). */
export function lockedAccountFrom(userId: number, rows: unknown[]): LockedAccount {
  const user = rows[0] as LockedRow | undefined;
  if (!user) throw accountGone();
  const tuples = (typeof user.positions === 'string' ? JSON.parse(user.positions) : user.positions) as PositionTuple[];
  const positions = new Map<string, Position>();
  for (const [symbol, quantity, reservedQuantity, avgPrice, realizedPnl] of tuples) {
    positions.set(symbol, { quantity: dec(quantity), reservedQuantity: dec(reservedQuantity), avgPrice: dec(avgPrice), realizedPnl: dec(realizedPnl) });
  }
  return {
    userId,
    run: Number(user.run),
    initialBalance: dec(user.initial_balance),
    cash: { balance: dec(user.balance), reserved: dec(user.reserved) },
    positions,
  };
}

export async function lockAccount(tx: Database, userId: number): Promise<LockedAccount> {
  await tx.execute(lockUserStatement(userId));
  return lockedAccountFrom(userId, rowsOf(await tx.execute(readLockedAccountStatement(userId))));
}

export async function saveCash(tx: Database, userId: number, cash: CashAccount): Promise<void> {
  await tx
    .update(users)
    .set({ balance: cash.balance.toFixed(), reservedBalance: cash.reserved.toFixed() })
    .where(eq(users.id, userId));
}

/** Upserts the position (a first buy creates the row). */
export async function savePosition(tx: Database, account: LockedAccount, symbol: string, position: Position): Promise<void> {
  const values = {
    quantity: position.quantity.toFixed(),
    reservedQuantity: position.reservedQuantity.toFixed(),
    avgPrice: position.avgPrice.toFixed(),
    realizedPnl: position.realizedPnl.toFixed(),
  };
  if (account.positions.has(symbol)) {
    await tx
      .update(positions)
      .set({ ...values, updatedAt: sql`now()` })
      .where(and(eq(positions.userId, account.userId), eq(positions.symbol, symbol)));
  } else {
    await tx.insert(positions).values({ userId: account.userId, symbol, run: account.run, ...values });
  }
  account.positions.set(symbol, position);
}
