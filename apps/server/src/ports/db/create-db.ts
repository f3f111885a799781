/**
 * Picks the database: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR.
 * Neither opens a network connection here; call `migrate()` (with retries) before use.
 */
import { claimDataDir } from './data-dir.js';
import type { DbLogger } from './db-logger.js';
import type { DbPort } from './db-port.js';
import { openPgliteDb } from './pglite-db.js';
import { createPostgresDb } from './postgres-db.js';

export interface CreateDbOptions {
  databaseUrl?: string | undefined;
  /** PostgreSQL pool size (config DATABASE_POOL_SIZE); PGlite has one connection. */
  poolSize?: number | undefined;
  dataDir: string;
  logger: DbLogger;
}

/**
 * Rejects with a DataDirError when DATA_DIR is foreign, newer, damaged or in use. DATA_DIR
 * is claimed in PostgreSQL mode too: it holds other state (the JWT secret), and a later
 * switch to embedded mode must find it marked as ours.
 */
export async function createDb({ databaseUrl, poolSize, dataDir, logger }: CreateDbOptions): Promise<DbPort> {
  if (databaseUrl) {
    await claimDataDir(dataDir);
    return createPostgresDb({ url: databaseUrl, logger, ...(poolSize === undefined ? {} : { poolSize }) });
  }
  return openPgliteDb({ dataDir, logger });
}
