import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JWT_SECRET_FILE, resolveJwtSecret } from './jwt-secret.js';

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'cs-jwt-'));

describe('resolveJwtSecret', () => {
  it('when JWT_SECRET is configured, then it is used and nothing is written', async () => {
    const dir = await tempDir();
    const secret = 'x'.repeat(40);
    expect(await resolveJwtSecret(secret, dir)).toBe(secret);
    await expect(stat(path.join(dir, JWT_SECRET_FILE))).rejects.toThrow();
  });

  it('when none is configured, then one is generated once, kept private, and reused after a restart', async () => {
    const dir = await tempDir();
    const first = await resolveJwtSecret(undefined, dir);
    const second = await resolveJwtSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(second).toBe(first);
    expect((await stat(path.join(dir, JWT_SECRET_FILE))).mode & 0o777).toBe(0o600);
    expect((await readFile(path.join(dir, JWT_SECRET_FILE), 'utf8')).trim()).toBe(first);
  });

  it('when the stored secret is too short, then it refuses instead of replacing it', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, JWT_SECRET_FILE), 'short\n');
    await expect(resolveJwtSecret(undefined, dir)).rejects.toThrow(/shorter than 32 characters/);
    expect(await readFile(path.join(dir, JWT_SECRET_FILE), 'utf8')).toBe('short\n');
  });
});
