/**
 * One process at a time per embedded database: two PGlite instances writing one folder
 * corrupt it. The lock is a pid file; a lock left by a process that no longer runs is stale
 * and taken over (it is our own bookkeeping file, not data).
 */
import { readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataDirError } from './data-dir-error.js';

export const LOCK_FILE = 'pglite.lock';

/** Folders this process holds; the pid file alone cannot tell two opens in one process apart. */
const heldHere = new Set<string>();

export interface DataDirLock {
  release(): Promise<void>;
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = path.resolve(dataDir);
  const file = path.join(dir, LOCK_FILE);
  if (heldHere.has(dir)) {
    throw new DataDirError('IN_USE', dir, `DATA_DIR ${dir} is already open in this process; close the first database before opening it again.`);
  }
  const holder = await readHolder(file);
  // Our own pid in the file means a previous life of this container/process (pid 1 again).
  if (holder !== undefined && holder !== process.pid && isRunning(holder)) {
    throw new DataDirError(
      'IN_USE',
      dir,
      `DATA_DIR ${dir} is in use by another cryptosim process (pid ${holder}). Stop it, or set DATA_DIR to another folder.`,
    );
  }
  await writeFile(file, `${process.pid}\n`);
  heldHere.add(dir);
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      heldHere.delete(dir);
      if ((await readHolder(file)) === process.pid) await unlink(file).catch(() => undefined);
    },
  };
}

async function readHolder(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await readFile(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else, so it is running.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
