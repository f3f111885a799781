import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { PlanWrite } from './lock-then-write.js';
import type { ManagedPort } from '../port-health.js';
import type * as schema from '../../db/schema.js';

export type DbImpl = 'pglite' | 'postgres';
export type Schema = typeof schema;
/** The drizzle handle; identical API over PGlite and node-postgres. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DbPort extends ManagedPort {
  readonly impl: DbImpl;
  readonly db: Database;
  /** Applies the committed drizzle-kit migrations (idempotent). */
  migrate(): Promise<void>;
  /** How many transactions can be open at once (the pool size; 1 on PGlite). */
  readonly maxConnections: number;
  /**
   * One transaction: the locking `reads` in order, then the write `plan` builds from their
   * rows (or none), committed; see lock-then-write.ts for what it costs on each database.
   */
  lockThenWrite<R, W, T>(reads: SQL[], plan: PlanWrite<R, W, T>): Promise<T>;
}
