import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirError, type DataDirProblem } from './data-dir-error.js';
import { DATA_DIR_FORMAT_VERSION, DATA_DIR_MARKER, claimDataDir } from './data-dir.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'cs-datadir-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const readMarker = async (dir: string) => JSON.parse(await readFile(path.join(dir, DATA_DIR_MARKER), 'utf8')) as Record<string, unknown>;

async function expectRefusal(dir: string, problem: DataDirProblem, message: RegExp) {
  const error = await claimDataDir(dir).catch((e: unknown) => e);
  expect(error, `claiming ${dir} should fail`).toBeInstanceOf(DataDirError);
  expect((error as DataDirError).problem).toBe(problem);
  expect((error as DataDirError).message).toMatch(message);
}

describe('claimDataDir', () => {
  it('when DATA_DIR does not exist, then it is created with a cryptosim marker', async () => {
    const dir = path.join(root, 'nested', 'data');
    await claimDataDir(dir);
    expect(await readMarker(dir)).toMatchObject({ app: 'cryptosim', formatVersion: DATA_DIR_FORMAT_VERSION });
  });

  it('when DATA_DIR is empty apart from a volume lost+found, then it is claimed', async () => {
    await mkdir(path.join(root, 'lost+found'));
    await claimDataDir(root);
    expect(await readMarker(root)).toMatchObject({ app: 'cryptosim' });
  });

  it('when DATA_DIR is claimed again, then the marker is left exactly as it was', async () => {
    await claimDataDir(root);
    const before = await readFile(path.join(root, DATA_DIR_MARKER), 'utf8');
    await writeFile(path.join(root, 'jwt-secret'), 'kept');
    await claimDataDir(root);
    expect(await readFile(path.join(root, DATA_DIR_MARKER), 'utf8')).toBe(before);
  });

  it('when DATA_DIR holds files but no marker, then it is refused and nothing in it changes', async () => {
    await writeFile(path.join(root, 'thesis.docx'), 'precious');
    await mkdir(path.join(root, 'photos'));
    await expectRefusal(root, 'FOREIGN', /is not a cryptosim data directory.*thesis\.docx/);
    expect((await readdir(root)).sort(), 'no marker written, nothing removed').toEqual(['photos', 'thesis.docx']);
    expect(await readFile(path.join(root, 'thesis.docx'), 'utf8')).toBe('precious');
  });

  it('when the marker has a newer formatVersion, then it is refused as written by a newer cryptosim', async () => {
    await writeFile(path.join(root, DATA_DIR_MARKER), JSON.stringify({ app: 'cryptosim', formatVersion: DATA_DIR_FORMAT_VERSION + 1 }));
    await expectRefusal(root, 'NEWER_FORMAT', /newer cryptosim/);
  });

  it.each([
    ['not JSON', '{ app: cryptosim'],
    ['another app', JSON.stringify({ app: 'other', formatVersion: 1 })],
    ['no formatVersion', JSON.stringify({ app: 'cryptosim' })],
    ['a fractional formatVersion', JSON.stringify({ app: 'cryptosim', formatVersion: 1.5 })],
    ['JSON null', 'null'],
  ])('when the marker is %s, then it is refused and left untouched', async (_case, content) => {
    await writeFile(path.join(root, DATA_DIR_MARKER), content);
    await expectRefusal(root, 'BAD_MARKER', new RegExp(DATA_DIR_MARKER.replace('.', '\\.')));
    expect(await readFile(path.join(root, DATA_DIR_MARKER), 'utf8')).toBe(content);
  });

  it('when DATA_DIR is a file, then it is refused', async () => {
    const file = path.join(root, 'data');
    await writeFile(file, 'x');
    await expectRefusal(file, 'NOT_A_DIRECTORY', /not a directory/);
  });
});
