import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError } from './data-dir-error.js';
import { LOCK_FILE, lockDataDir } from './data-dir-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cs-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  if (child.pid === undefined) throw new Error('could not spawn a child process');
  return child.pid;
}

describe('lockDataDir', () => {
  it('when the folder is already locked in this process, then a second lock is refused until the first is released', async () => {
    const first = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toMatchObject({ problem: 'IN_USE' });
    await first.release();
    const again = await lockDataDir(dir);
    await again.release();
  });

  it('when another running process holds the lock, then it is refused naming that pid', async () => {
    await writeFile(path.join(dir, LOCK_FILE), `${process.ppid}\n`);
    const error = await lockDataDir(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataDirError);
    expect((error as DataDirError).message).toContain(`pid ${process.ppid}`);
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8'), "the other process's lock stays").toBe(`${process.ppid}\n`);
  });

  it('when the lock was left by a process that has exited, then it is taken over', async () => {
    await writeFile(path.join(dir, LOCK_FILE), `${await deadPid()}\n`);
    const lock = await lockDataDir(dir);
    expect(await readFile(path.join(dir, LOCK_FILE), 'utf8')).toBe(`${process.pid}\n`);
    await lock.release();
    await expect(stat(path.join(dir, LOCK_FILE)), 'release removes our lock file').rejects.toMatchObject({ code: 'ENOENT' });
  });
});
