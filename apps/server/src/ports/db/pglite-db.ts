/**
 * Embedded PostgreSQL (PGlite, WASM) stored in `<dataDir>/pglite`: the default when no
 * DATABASE_URL is set. One process owns the folder at a time.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { DataDirError } from './data-dir-error.js';
import { claimDataDir } from './data-dir.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { MIGRATIONS_FOLDER, assertSchemaNotNewer } from './migrations.js';
import * as schema from '../../db/schema.js';
import type { PortHealth } from '../port-health.js';
import type { DbLogger } from './db-logger.js';
import type { Database, DbPort } from './db-port.js';
import { lockThenWriteInTransaction } from './lock-then-write.js';

export interface PgliteDbOptions {
  /** The app's DATA_DIR; `null` keeps the database in memory (tests). */
  dataDir: string | null;
  logger: DbLogger;
}

export async function openPgliteDb({ dataDir, logger }: PgliteDbOptions): Promise<DbPort> {
  let lock: DataDirLock | undefined;
  let folder: string | undefined;
  if (dataDir !== null) {
    await claimDataDir(dataDir);
    lock = await lockDataDir(dataDir);
    folder = path.join(path.resolve(dataDir), 'pglite');
  }
  let client: PGlite;
  try {
    client = await openClient(folder);
  } catch (err) {
    await lock?.release();
    throw err;
  }
  const db: Database = drizzle({ client, schema });
  const where = folder ?? 'PGlite (memory)';
  logger.info({ db: 'pglite', folder: where }, 'database opened');

  return {
    impl: 'pglite',
    db,
    // One in-process connection: PGlite runs one transaction at a time.
    maxConnections: 1,
    lockThenWrite: (reads, plan) => lockThenWriteInTransaction(db, reads, plan),
    async migrate() {
      try {
        await assertSchemaNotNewer(db, where);
        await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } catch (err) {
        throw new Error(`Migrating ${where} failed: ${(err as Error).message}`, { cause: err });
      }
    },
    async health(): Promise<PortHealth> {
      if (client.closed) return { impl: 'pglite', ok: false, error: 'closed' };
      try {
        await db.execute(sql`select 1`);
        return { impl: 'pglite', ok: true };
      } catch (err) {
        return { impl: 'pglite', ok: false, error: (err as Error).message };
      }
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        await lock?.release();
      }
    },
  };
}

/** PGlite initialises any folder without a cluster in it, even one holding other files. */
async function openClient(folder: string | undefined): Promise<PGlite> {
  if (folder === undefined) return PGlite.create();
  const unopenable = (reason: string, cause?: unknown) =>
    new DataDirError(
      'UNOPENABLE',
      folder,
      `PGlite could not open its database folder ${folder}: ${reason}. It may be damaged or written by an ` +
        `incompatible PGlite version. Nothing was changed: move it aside (e.g. mv ${folder} ${folder}.broken) ` +
        'to start with an empty database, or restore a backup.',
      { cause },
    );
  const info = await stat(folder).catch(() => undefined);
  if (info && !info.isDirectory()) throw unopenable('it is not a directory');
  if (info) {
    const entries = await readdir(folder);
    if (entries.length > 0 && !entries.includes('PG_VERSION')) {
      throw unopenable(`it holds files (${entries.slice(0, 3).join(', ')}) but no PostgreSQL cluster (no PG_VERSION)`);
    }
  }
  try {
    return await PGlite.create(folder);
  } catch (err) {
    throw unopenable(describeCause(err), err);
  }
}

function describeCause(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown };
  const message = typeof e?.message === 'string' && e.message && !e.message.startsWith('[object') ? e.message : undefined;
  return message ?? (typeof e?.code === 'string' ? e.code : String(err));
}
