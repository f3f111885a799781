import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
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
}
