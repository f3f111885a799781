/**
 * What the embedded database does with the DATA_DIR it is given: keeps data across
 * restarts, refuses a second opener, and refuses (without touching it) a damaged folder.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirError } from './data-dir-error.js';
import { users } from '../../db/schema.js';
import { insertUser } from './db-port.contract.js';
import { openPgliteDb } from './pglite-db.js';

const logger = pino({ level: 'silent' });
let root: string;
let dataDir: string;
let username: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cs-pglite-dir-'));
  dataDir = path.join(root, 'data');
  const port = await openPgliteDb({ dataDir, logger });
  await port.migrate();
  username = (await insertUser(port.db)).username;
  await port.close();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function expectUnopenable(dir: string) {
  const folder = path.join(dir, 'pglite');
  const before = await readdir(folder, { recursive: true });
  const error = await openPgliteDb({ dataDir: dir, logger }).catch((e: unknown) => e);
  expect(error, 'opening must fail').toBeInstanceOf(DataDirError);
  expect((error as DataDirError).problem).toBe('UNOPENABLE');
  expect((error as DataDirError).message).toContain(folder);
  expect((error as DataDirError).message).toMatch(/move it aside/);
  expect((await readdir(folder, { recursive: true })).sort(), 'no file added or removed').toEqual(before.sort());
}

describe('PGlite in DATA_DIR', () => {
  it('when reopened after close, then earlier rows are there and migrate applies nothing new', async () => {
    const port = await openPgliteDb({ dataDir, logger });
    try {
      await port.migrate();
      expect(await port.db.select().from(users).where(eq(users.username, username))).toHaveLength(1);
    } finally {
      await port.close();
    }
  });

  it('when the DATA_DIR is already open, then a second open is refused as in use', async () => {
    const first = await openPgliteDb({ dataDir, logger });
    try {
      await expect(openPgliteDb({ dataDir, logger })).rejects.toMatchObject({ problem: 'IN_USE' });
    } finally {
      await first.close();
    }
  });

  it('when the cluster is damaged, then opening fails naming the folder and leaves it as it was', async () => {
    const copy = path.join(root, 'damaged');
    await cp(dataDir, copy, { recursive: true });
    await rm(path.join(copy, 'pglite.lock'), { force: true });
    await writeFile(path.join(copy, 'pglite', 'PG_VERSION'), '99\n');
    await expectUnopenable(copy);
    expect(await readFile(path.join(copy, 'pglite', 'PG_VERSION'), 'utf8')).toBe('99\n');
  });

  it('when the pglite folder holds files that are not a database, then opening fails instead of initialising over them', async () => {
    const other = path.join(root, 'foreign-pglite');
    await mkdir(path.join(other, 'pglite'), { recursive: true });
    await cp(path.join(dataDir, 'cryptosim.json'), path.join(other, 'cryptosim.json'));
    await writeFile(path.join(other, 'pglite', 'notes.txt'), 'not a database');
    await expectUnopenable(other);
  });
});
