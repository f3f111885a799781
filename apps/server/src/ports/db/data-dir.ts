/**
 * Claims a DATA_DIR for cryptosim, or refuses with a clear reason. Nothing here ever
 * deletes or overwrites a file: an unexpected folder is the operator's to move aside.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataDirError } from './data-dir-error.js';

export const DATA_DIR_MARKER = 'cryptosim.json';
/** Bumped when the on-disk layout changes incompatibly; older builds then refuse the folder. */
export const DATA_DIR_FORMAT_VERSION = 1;

interface Marker {
  app: 'cryptosim';
  formatVersion: number;
  createdAt: string;
}

// Entries a fresh volume or an OS may create on its own; they do not make a folder "used".
const IGNORABLE = new Set(['lost+found', '.DS_Store', 'Thumbs.db', '.gitkeep', '.keep']);

/** Creates the folder and its marker when new or empty; validates the marker otherwise. */
export async function claimDataDir(dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir);
  const existing = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
  if (existing && !existing.isDirectory()) {
    throw new DataDirError('NOT_A_DIRECTORY', dir, `DATA_DIR ${dir} exists but is not a directory. Set DATA_DIR to a folder.`);
  }
  if (!existing) await mkdir(dir, { recursive: true });

  const entries = await readdir(dir);
  if (entries.includes(DATA_DIR_MARKER)) return checkMarker(dir);
  const used = entries.filter((name) => !IGNORABLE.has(name));
  if (used.length > 0) {
    const shown = used.slice(0, 5).join(', ') + (used.length > 5 ? `, … (${used.length} entries)` : '');
    throw new DataDirError(
      'FOREIGN',
      dir,
      `DATA_DIR ${dir} is not a cryptosim data directory (it has no ${DATA_DIR_MARKER} but contains: ${shown}). ` +
        'Point DATA_DIR at an empty or new folder; nothing in it was changed.',
    );
  }
  await writeMarker(dir);
}

async function writeMarker(dir: string): Promise<void> {
  const marker: Marker = { app: 'cryptosim', formatVersion: DATA_DIR_FORMAT_VERSION, createdAt: new Date().toISOString() };
  try {
    // 'wx' fails rather than overwrite a marker another process wrote a moment ago.
    await writeFile(path.join(dir, DATA_DIR_MARKER), `${JSON.stringify(marker, null, 2)}\n`, { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    await checkMarker(dir);
  }
}

async function checkMarker(dir: string): Promise<void> {
  const file = path.join(dir, DATA_DIR_MARKER);
  let marker: Partial<Marker>;
  try {
    marker = JSON.parse(await readFile(file, 'utf8')) as Partial<Marker>;
  } catch (err) {
    throw new DataDirError('BAD_MARKER', dir, `DATA_DIR ${dir}: ${file} is unreadable or not JSON (${(err as Error).message}).`, {
      cause: err,
    });
  }
  if (marker === null || typeof marker !== 'object' || marker.app !== 'cryptosim') {
    throw new DataDirError('BAD_MARKER', dir, `DATA_DIR ${dir}: ${file} does not belong to cryptosim (expected "app": "cryptosim").`);
  }
  const version = marker.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DataDirError('BAD_MARKER', dir, `DATA_DIR ${dir}: ${file} has an invalid formatVersion (${JSON.stringify(version)}).`);
  }
  if (version > DATA_DIR_FORMAT_VERSION) {
    throw new DataDirError(
      'NEWER_FORMAT',
      dir,
      `DATA_DIR ${dir} was written by a newer cryptosim (format ${version}; this build reads up to ${DATA_DIR_FORMAT_VERSION}). ` +
        'Run the newer version, or point DATA_DIR at another folder.',
    );
  }
}
