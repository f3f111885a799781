/**
 * Where the committed drizzle-kit migrations live, and a guard against running an older
 * build on a database that a newer build has already migrated.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './db-port.js';
import { rowsOf } from './rows-of.js';

/**
 * apps/server/drizzle: this module sits two folders below apps/server/src or apps/server/dist,
 * so the same relative path works under vitest and in the compiled build. The build and the
 * image must ship the folder next to dist/.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export function latestKnownMigration(): number {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  return migrations.reduce((latest, m) => Math.max(latest, m.folderMillis), 0);
}

/** Waiting will not fix this one: start-up stops instead of retrying. */
export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

/**
 * drizzle applies every migration newer than the newest one recorded; a database migrated
 * by a newer build would silently be used with a schema this code does not know.
 */
export async function assertSchemaNotNewer(db: Database, where: string): Promise<void> {
  const table = await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!rowsOf<{ present: boolean }>(table)[0]?.present) return;
  const result = await db.execute(sql`select max(created_at)::text as latest from drizzle.__drizzle_migrations`);
  const latestApplied = Number(rowsOf<{ latest: string | null }>(result)[0]?.latest ?? 0);
  const latestKnown = latestKnownMigration();
  if (latestApplied > latestKnown) {
    throw new SchemaTooNewError(
      `The database at ${where} was migrated by a newer cryptosim (migration ${latestApplied}, this build knows up to ${latestKnown}). ` +
        'Run the newer version; downgrading would use a schema this build does not understand.',
    );
  }
}
