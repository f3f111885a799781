import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * sha256 over the replayed files' contents in their configured order: the same recordings
 * under another path are the same world, an edited file is another one.
 */
export async function replayChecksum(files: string[]): Promise<string> {
  const whole = createHash('sha256');
  for (const file of files) {
    const content = await readFile(path.resolve(file));
    whole.update(`${path.basename(file)}\n${createHash('sha256').update(content).digest('hex')}\n`);
  }
  return whole.digest('hex');
}
