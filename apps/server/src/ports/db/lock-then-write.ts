/**
 * A transaction of locking reads (run in order, each its own statement with its own READ
 * COMMITTED snapshot; the rows of the last are planned on), then one write planned in code
 * from them. On PostgreSQL it costs two round trips however many reads: BEGIN travels with the
 * reads and COMMIT with the write, as multi-statement simple queries. Each round trip is a
 * socket write and read on both sides, the largest cost of a market order on a small machine.
 *
 * The simple query protocol takes no parameters, so values are inlined by drizzle's own
 * literal escaping (strings quoted with '' doubled; PostgreSQL runs with
 * standard_conforming_strings, so backslashes are plain characters). On PGlite, one
 * in-process connection with no round trips to save, it is an ordinary drizzle transaction.
 */
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { rowsOf } from '../../db/migrations.js';
import type { Database } from './db-port.js';
import { poolOf } from './postgres-db.js';

export interface PlannedWrite<W, T> {
  write: SQL;
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

async function onPool<R, W, T>(pool: pg.Pool, reads: SQL[], plan: (rows: R[]) => PlannedWrite<W, T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const locked = await client.query(['begin', ...reads.map(inlined)].join('; '));
    const planned = plan(rowsAt<R>(locked as unknown as pg.QueryResult[], reads.length));
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

export async function lockThenWrite<R, W, T>(db: Database, reads: SQL[], plan: (rows: R[]) => PlannedWrite<W, T>): Promise<T> {
  const pool = poolOf(db);
  if (pool) return onPool(pool, reads, plan);
  return db.transaction(async (tx) => {
    let rows: R[] = [];
    for (const read of reads) rows = rowsOf<R>(await tx.execute(read));
    const planned = plan(rows);
    return planned.done(rowsOf<W>(await tx.execute(planned.write)));
  });
}
