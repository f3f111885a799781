import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR_MARKER } from './data-dir.js';
import { createDb } from './create-db.js';

const logger = pino({ level: 'silent' });
const roots: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cs-create-db-'));
  roots.push(dir);
  return dir;
};
afterAll(async () => {
  await Promise.all(roots.map((r) => rm(r, { recursive: true, force: true })));
});

describe('createDb', () => {
  it('when DATABASE_URL is set, then it returns PostgreSQL without connecting and still claims DATA_DIR', async () => {
    const dataDir = await tempDir();
    // Port 1 refuses connections: creating must not need the server.
    const db = await createDb({ databaseUrl: 'postgres://u:p@127.0.0.1:1/x', dataDir, logger });
    try {
      expect(db.impl).toBe('postgres');
      expect(await readdir(dataDir)).toEqual([DATA_DIR_MARKER]);
    } finally {
      await db.close();
    }
  });

  it('when DATABASE_URL is absent, then it opens PGlite inside DATA_DIR', async () => {
    const dataDir = await tempDir();
    const db = await createDb({ dataDir, logger });
    try {
      expect(db.impl).toBe('pglite');
      expect(await db.health()).toEqual({ impl: 'pglite', ok: true });
      expect((await readdir(dataDir)).sort()).toEqual([DATA_DIR_MARKER, 'pglite', 'pglite.lock']);
    } finally {
      await db.close();
    }
    expect((await readdir(dataDir)).sort(), 'close releases the lock').toEqual([DATA_DIR_MARKER, 'pglite']);
  });
});
