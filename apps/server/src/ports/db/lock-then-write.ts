/**
 * A transaction of locking reads (run in order, each its own statement with its own READ
 * COMMITTED snapshot; the plan gets the rows of every read, the last's first), then one write
 * planned in code from them, or none when the plan found nothing to write. On PostgreSQL it
 * costs two round trips however many reads: BEGIN travels with the reads and COMMIT with the
 * write, as multi-statement simple queries. Each round trip is a
 * socket write and read on both sides, the largest cost of a market order on a small machine.
 *
 * The simple query protocol takes no parameters, so values are inlined by drizzle's own
 * literal escaping (strings quoted with '' doubled; PostgreSQL runs with
 * standard_conforming_strings, so backslashes are plain characters). On PGlite, one
 * in-process connection with no round trips to save, it is an ordinary drizzle transaction.
 * Callers reach it as `DbPort.lockThenWrite`; each implementation picks its half here.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Database } from './db-port.js';
import { rowsOf } from './rows-of.js';

export interface PlannedWrite<W, T> {
  /** null: nothing to write, the transaction only commits (releasing its locks). */
  write: SQL | null;
  /** Builds the caller's result from the write's returned rows, after the commit. */
  done(rows: W[]): T;
}

const dialect = new PgDialect();

function inlined(statement: SQL): string {
  const query = dialect.sqlToQuery(statement.inlineParams());
  if (query.params.length > 0) throw new Error('lockThenWrite: a value could not be inlined as a literal');
  return query.sql;
}

/** The rows of the `index`th statement of a multi-statement simple query. */
function rowsAt<T>(result: pg.QueryResult | pg.QueryResult[], index: number): T[] {
  return (Array.isArray(result) ? result[index]! : result).rows as T[];
}

/** Plans from the rows of the last read; `everyRead[i]` holds the rows of `reads[i]`. */
export type PlanWrite<R, W, T> = (rows: R[], everyRead: unknown[][]) => PlannedWrite<W, T>;

function needsARead(reads: SQL[]): void {
  if (reads.length === 0) throw new Error('lockThenWrite: at least one read (the lock) is needed');
}

/** PostgreSQL: BEGIN with the reads, COMMIT with the write, on one pooled connection. */
export async function lockThenWriteOnPool<R, W, T>(pool: pg.Pool, reads: SQL[], plan: PlanWrite<R, W, T>): Promise<T> {
  needsARead(reads);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const locked = (await client.query(['begin', ...reads.map(inlined)].join('; '))) as unknown as pg.QueryResult[];
    const everyRead = reads.map((_, i) => rowsAt<unknown>(locked, i + 1));
    const planned = plan(everyRead[reads.length - 1] as R[], everyRead);
    if (planned.write === null) {
      await client.query('commit');
      return planned.done([]);
    }
    const written = await client.query(`${inlined(planned.write)}; commit`);
    return planned.done(rowsAt<W>(written as unknown as pg.QueryResult[], 0));
  } catch (err) {
    // A failed statement skips the rest of its query (the COMMIT included) and leaves the
    // transaction aborted; a planning error leaves it open. Either way, end it here.
    try {
      await client.query('rollback');
    } catch (rollbackError) {
      broken = rollbackError as Error; // the pool then discards this connection
    }
    throw err;
  } finally {
    client.release(broken);
  }
}

/** PGlite: an ordinary transaction, one statement per read. */
export async function lockThenWriteInTransaction<R, W, T>(db: Database, reads: SQL[], plan: PlanWrite<R, W, T>): Promise<T> {
  needsARead(reads);
  return db.transaction(async (tx) => {
    const everyRead: unknown[][] = [];
    for (const read of reads) everyRead.push(rowsOf<unknown>(await tx.execute(read)));
    const planned = plan(everyRead[reads.length - 1] as R[], everyRead);
    return planned.done(planned.write === null ? [] : rowsOf<W>(await tx.execute(planned.write)));
  });
}
