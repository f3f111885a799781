/**
 * Test support: a database that survives a "restart" in either run mode — PGlite in a
 * temporary DATA_DIR (closed and opened again) or a throw-away PostgreSQL database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DbPort } from '../../../../ports/db/db-port.js';
import { openPgliteDb } from '../../../../ports/db/pglite-db.js';
import { createPostgresDb } from '../../../../ports/db/postgres-db.js';
import { createTestDatabase } from '../../../../testing/test-database.js';
import { testLogger } from '../../projector/testing/market-test-stack.js';

export interface RestartableDb {
  /** Opens (and migrates) the same database again, as the next start would. */
  open(): Promise<DbPort>;
  dispose(): Promise<void>;
}

export async function pgliteInDataDir(): Promise<RestartableDb> {
  const dir = await mkdtemp(path.join(tmpdir(), 'cryptosim-world-'));
  return {
    async open() {
      const db = await openPgliteDb({ dataDir: dir, logger: testLogger });
      await db.migrate();
      return db;
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export async function postgresDatabase(adminUrl: string): Promise<RestartableDb> {
  const database = await createTestDatabase(adminUrl);
  return {
    async open() {
      const db = createPostgresDb({ url: database.url, logger: testLogger });
      await db.migrate();
      return db;
    },
    dispose: () => database.drop(),
  };
}
