import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, describe } from 'vitest';
import { describeDbPortContract } from './db-port.contract.js';
import { openPgliteDb } from './pglite-db.js';

const logger = pino({ level: 'silent' });

describe('PGlite database meets the db port contract', () => {
  let root: string | undefined;
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });
  describeDbPortContract(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'cs-pglite-'));
    return openPgliteDb({ dataDir: path.join(root, 'data'), logger });
  });
});
