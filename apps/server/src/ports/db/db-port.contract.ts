/**
 * The behaviour every DbPort must have, run by pglite-db.test.ts and postgres-db.test.ts.
 * One port per suite, migrated by the first test and closed by the last: the tests run in
 * order and build on each other's schema, not on each other's rows.
 */
import { eq, getTableName, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { latestKnownMigration } from './migrations.js';
import { rowsOf } from './rows-of.js';
import { PG_CHECK_VIOLATION, isUniqueViolation, pgErrorOf } from './pg-error.js';
import * as schema from '../../db/schema.js';
import { orders, users } from '../../db/schema.js';
import type { Database, DbPort } from './db-port.js';

export type OpenDb = () => Promise<DbPort>;

const SCHEMA_TABLES = Object.values(schema as Record<string, unknown>)
  .filter((value): value is PgTable => is(value, PgTable))
  .map((table) => getTableName(table))
  .sort();

let seq = 0;
/** A user row with a unique name, so each test owns its rows. */
export async function insertUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}) {
  seq += 1;
  const name = `u${seq}_${Math.random().toString(36).slice(2, 8)}`;
  const [row] = await db
    .insert(users)
    .values({ username: name, email: `${name}@example.com`, passwordHash: 'x', ...overrides })
    .returning();
  if (!row) throw new Error('insert into users returned no row');
  return row;
}

const migrationCount = async (db: Database) =>
  Number(rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from drizzle.__drizzle_migrations`))[0]?.n);

export function describeDbPortContract(openDb: OpenDb): void {
  let port: DbPort;
  let db: Database;
  beforeAll(async () => {
    port = await openDb();
    db = port.db;
  });
  afterAll(async () => {
    await port?.close();
  });

  it('when migrate runs on an empty database, then every schema table exists', async () => {
    await port.migrate();
    const result = await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public'`);
    const present = rowsOf<{ table_name: string }>(result).map((r) => r.table_name);
    expect(SCHEMA_TABLES, "the seed's tables are part of the schema").toEqual(
      expect.arrayContaining(['users', 'portfolios', 'transactions', 'orders', 'candles']),
    );
    expect(present.sort(), 'tables after migrate').toEqual(expect.arrayContaining(SCHEMA_TABLES));
  });

  it('when migrate runs a second time, then it applies nothing', async () => {
    const before = await migrationCount(db);
    await port.migrate();
    expect(await migrationCount(db), 'recorded migrations after a second migrate').toBe(before);
    expect(before, 'one record per committed migration').toBeGreaterThan(0);
  });

  it('when a NUMERIC(36,18) is stored, then it reads back as the exact same decimal string', async () => {
    const exact = '123456789012345678.123456789012345678';
    const tiny = '0.000000000000000001';
    const user = await insertUser(db, { balance: exact, reservedBalance: tiny });
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.balance, 'max-precision balance').toBe(exact);
    expect(row?.reservedBalance, 'smallest unit').toBe(tiny);
    expect(row?.initialBalance, 'default initial balance, padded to scale 18').toBe('100000.000000000000000000');
  });

  it('when a decimal has more integer digits than NUMERIC(36,18) holds, then the write fails instead of truncating', async () => {
    const error = await insertUser(db, { balance: '1234567890123456789' }).catch((e: unknown) => e);
    expect(pgErrorOf(error)?.code, `expected numeric overflow (22003), got ${String(error)}`).toBe('22003');
  });

  it('when a username or email is taken (in any letter case), then the insert is rejected', async () => {
    const first = await insertUser(db);
    const sameName = await insertUser(db, { username: first.username.toUpperCase() }).catch((e: unknown) => e);
    expect(isUniqueViolation(sameName, 'users_username_key'), `duplicate username: ${String(sameName)}`).toBe(true);
    const sameEmail = await insertUser(db, { email: first.email.toUpperCase() }).catch((e: unknown) => e);
    expect(isUniqueViolation(sameEmail, 'users_email_key'), `duplicate email: ${String(sameEmail)}`).toBe(true);
  });

  it('when a user reuses a clientOrderId, then the order is rejected; another user may use the same id', async () => {
    const [alice, bob] = [await insertUser(db), await insertUser(db)];
    const order = { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', run: 1, clientOrderId: 'retry-1' } as const;
    await db.insert(orders).values({ ...order, userId: alice.id });
    const duplicate = await db.insert(orders).values({ ...order, userId: alice.id }).catch((e: unknown) => e);
    expect(isUniqueViolation(duplicate, 'orders_user_client_order_id_key'), `duplicate clientOrderId: ${String(duplicate)}`).toBe(true);
    await expect(db.insert(orders).values({ ...order, userId: bob.id }), 'same id, other user').resolves.toBeDefined();
  });

  it('when an update would make a balance negative, then the check constraint rejects it', async () => {
    const user = await insertUser(db);
    const error = await db
      .update(users)
      .set({ balance: sql`${users.balance} - 100001` })
      .where(eq(users.id, user.id))
      .catch((e: unknown) => e);
    expect(pgErrorOf(error)?.code, `expected a check violation, got ${String(error)}`).toBe(PG_CHECK_VIOLATION);
  });

  it('when a transaction throws, then none of its writes remain', async () => {
    const user = await insertUser(db);
    const failure = new Error('fail after two writes');
    const outcome = db.transaction(async (tx) => {
      await tx.update(users).set({ balance: '1' }).where(eq(users.id, user.id));
      await tx.insert(users).values({ username: `${user.username}_tx`, email: `tx_${user.email}`, passwordHash: 'x' });
      throw failure;
    });
    await expect(outcome, 'the transaction rethrows the error').rejects.toBe(failure);
    const [row] = await db.select().from(users).where(eq(users.id, user.id));
    expect(row?.balance, 'update rolled back').toBe('100000.000000000000000000');
    const inserted = await db.select().from(users).where(eq(users.username, `${user.username}_tx`));
    expect(inserted, 'insert rolled back').toEqual([]);
  });

  it('when concurrent transactions read-modify-write a row under SELECT FOR UPDATE, then no update is lost', async () => {
    const user = await insertUser(db, { balance: '1000' });
    const debit = () =>
      db.transaction(async (tx) => {
        const [row] = await tx.select({ balance: users.balance }).from(users).where(eq(users.id, user.id)).for('update');
        // Yield between read and write, so unlocked readers would all see the same balance.
        await new Promise((resolve) => setTimeout(resolve, 5));
        await tx
          .update(users)
          .set({ balance: sql`${row?.balance}::numeric - 10` })
          .where(eq(users.id, user.id));
      });
    await Promise.all(Array.from({ length: 8 }, debit));
    const [row] = await db.select({ balance: users.balance }).from(users).where(eq(users.id, user.id));
    expect(row?.balance, '8 debits of 10 from 1000').toBe('920.000000000000000000');
  });

  it('when a user is deleted, then the orders they own go with them', async () => {
    const user = await insertUser(db);
    await db.insert(orders).values({ userId: user.id, clientOrderId: 'c', symbol: 'ETHUSDT', side: 'SELL', type: 'LIMIT', quantity: '1', price: '3000', run: 1 });
    await db.delete(users).where(eq(users.id, user.id));
    expect(await db.select().from(orders).where(eq(orders.userId, user.id)), 'orders after deleting the user').toEqual([]);
  });

  it('when the database was migrated by a newer build, then migrate refuses', async () => {
    const newer = latestKnownMigration() + 1;
    await db.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values ('from-the-future', ${newer})`);
    try {
      await expect(port.migrate()).rejects.toThrow(/newer cryptosim/);
    } finally {
      await db.execute(sql`delete from drizzle.__drizzle_migrations where hash = 'from-the-future'`);
    }
  });

  it('when lockThenWrite plans a write from its reads, then it commits, the plan saw every read and done() gets the returned rows', async () => {
    const user = await insertUser(db, { balance: '1000' });
    const reads = [sql`select id from ${users} where id = ${user.id} for update`, sql`select balance::text as balance from ${users} where id = ${user.id}`];
    const result = await port.lockThenWrite<{ balance: string }, { balance: string }, { seen: unknown[][]; after: string }>(reads, (rows, everyRead) => ({
      write: sql`update ${users} set balance = ${rows[0]!.balance}::numeric - 10 where id = ${user.id} returning balance::text as balance`,
      done: (written) => ({ seen: everyRead, after: written[0]!.balance }),
    }));
    expect(result.seen, 'the rows of each read, in order').toEqual([[{ id: user.id }], [{ balance: '1000.000000000000000000' }]]);
    expect(result.after, "done() gets the write's returned rows").toBe('990.000000000000000000');
    const [row] = await db.select({ balance: users.balance }).from(users).where(eq(users.id, user.id));
    expect(row?.balance, 'committed').toBe('990.000000000000000000');
  });

  it('when a lockThenWrite plan throws or its write fails, then nothing of it stays and the next one runs', async () => {
    const user = await insertUser(db, { balance: '1000' });
    const lock = [sql`select balance::text as balance from ${users} where id = ${user.id} for update`];
    await expect(port.lockThenWrite(lock, () => { throw new Error('refused by the plan'); }), 'a planning error is rethrown').rejects.toThrow('refused by the plan');
    const negative = port.lockThenWrite(lock, () => ({ write: sql`update ${users} set balance = -1 where id = ${user.id}`, done: () => 'unreachable' }));
    expect(pgErrorOf(await negative.catch((e: unknown) => e))?.code, 'a failed write keeps its SQLSTATE').toBe(PG_CHECK_VIOLATION);
    const nothing = await port.lockThenWrite(lock, () => ({ write: null, done: (rows) => rows.length }));
    expect(nothing, 'a plan with nothing to write gets no rows').toBe(0);
    const [row] = await db.select({ balance: users.balance }).from(users).where(eq(users.id, user.id));
    expect(row?.balance, 'untouched').toBe('1000.000000000000000000');
  });

  it('when concurrent lockThenWrites read-modify-write one row, then no update is lost', async () => {
    const user = await insertUser(db, { balance: '1000' });
    const lock = [sql`select balance::text as balance from ${users} where id = ${user.id} for update`];
    const debit = () =>
      port.lockThenWrite<{ balance: string }, never, void>(lock, ([row]) => ({
        write: sql`update ${users} set balance = ${row!.balance}::numeric - 10 where id = ${user.id}`,
        done: () => undefined,
      }));
    await Promise.all(Array.from({ length: 8 }, debit));
    const [row] = await db.select({ balance: users.balance }).from(users).where(eq(users.id, user.id));
    expect(row?.balance, '8 debits of 10 from 1000').toBe('920.000000000000000000');
  });

  it('when maxConnections transactions start together, then all are open at once', async () => {
    const max = port.maxConnections;
    expect(Number.isInteger(max) && max >= 1, `maxConnections ${max}`).toBe(true);
    let open = 0;
    let allOpen!: () => void;
    const together = new Promise<void>((resolve) => (allOpen = resolve));
    const transactions = Array.from({ length: max }, () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        if (++open === max) allOpen();
        await together;
      }),
    );
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`only ${open} of ${max} transactions opened at once`)), 20_000);
    });
    try {
      await Promise.race([together, deadline]);
    } finally {
      clearTimeout(timer);
      allOpen();
    }
    await Promise.all(transactions);
    expect(open).toBe(max);
  });

  it('when open, health is ok; after close, health says closed and queries reject', async () => {
    expect(await port.health()).toEqual({ impl: port.impl, ok: true });
    await port.close();
    await port.close();
    const health = await port.health();
    expect(health.ok, 'health after close').toBe(false);
    expect(health.impl).toBe(port.impl);
    await expect(db.execute(sql`select 1`), 'a query after close').rejects.toThrow();
  });
}
