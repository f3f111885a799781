/**
 * The locking reads of a batch (round trip 1): every user of the batch locked in id order,
 * then their cash and positions (locked too), then which of the caller-sent clientOrderIds
 * already name an order. Sorted locking is what lets batches on several connections (and
 * several processes) overlap without deadlocking; every other trading step locks one user.
 *
 * Each is its own statement, so each sees everything committed before it started: once the
 * user rows are ours, a first attempt of a repeated clientOrderId (which takes the same user
 * lock to insert) has either committed, and is read here, or has not begun.
 */
import { sql, type SQL } from 'drizzle-orm';
import { lockedAccountFrom, type LockedAccount } from '../account-repository.js';

const list = (values: SQL[]) => sql.join(values, sql`, `);

export function lockUsersStatement(userIds: readonly number[]): SQL {
  return sql`select id from users where id in (${list(userIds.map((id) => sql`${id}`))}) order by id for update`;
}

/** One row per existing user: cash, run and every position as a JSON array of text tuples. */
export function readAccountsStatement(userIds: readonly number[]): SQL {
  return sql`
    with u as (select id, balance, reserved_balance, initial_balance, run from users where id in (${list(userIds.map((id) => sql`${id}`))}) for update),
    p as (select user_id, symbol, quantity, reserved_quantity, avg_price, realized_pnl from portfolios where user_id in (select id from u) for update),
    held as (select user_id, json_agg(json_build_array(symbol, quantity::text, reserved_quantity::text, avg_price::text, realized_pnl::text)) as positions
      from p group by user_id)
    select u.id, u.balance::text as balance, u.reserved_balance::text as reserved, u.initial_balance::text as initial_balance, u.run,
      coalesce(held.positions, '[]'::json) as positions
    from u left join held on held.user_id = u.id`;
}

/**
 * Which of the signing API keys are live, each row share-locked: a revocation (an UPDATE of
 * the row) commits either before this read, and the batch sees it, or after the batch commits.
 */
export function liveApiKeysStatement(keyIds: readonly string[]): SQL {
  return sql`select id from api_keys where id in (${list(keyIds.map((id) => sql`${id}::uuid`))}) and revoked_at is null order by id for share`;
}

export function liveKeysFrom(rows: unknown[]): Set<string> {
  return new Set(rows.map((row) => String((row as { id: string }).id)));
}

export interface ClientOrderKey {
  userId: number;
  clientOrderId: string;
}

export const keyOf = (userId: number, clientOrderId: string) => `${userId}\u0000${clientOrderId}`;

/** Which of the (user, clientOrderId) pairs already have an order (the unique key's index answers each). */
export function existingClientOrderIdsStatement(keys: readonly ClientOrderKey[]): SQL {
  const pairs = list(keys.map((k) => sql`(${k.userId}::int, ${k.clientOrderId}::varchar)`));
  return sql`select o.user_id, o.client_order_id from orders o
    join (values ${pairs}) as k(user_id, client_order_id) on o.user_id = k.user_id and o.client_order_id = k.client_order_id`;
}

/** The locked accounts by user id; a user with no row (deleted) is absent. */
export function accountsFrom(rows: unknown[]): Map<number, LockedAccount> {
  const accounts = new Map<number, LockedAccount>();
  for (const row of rows) {
    const userId = Number((row as { id: number | string }).id);
    accounts.set(userId, lockedAccountFrom(userId, [row]));
  }
  return accounts;
}

export function existingKeysFrom(rows: unknown[]): Set<string> {
  return new Set(rows.map((row) => {
    const r = row as { user_id: number | string; client_order_id: string };
    return keyOf(Number(r.user_id), r.client_order_id);
  }));
}
