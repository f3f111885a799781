import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { RUN_ID, service } from '../../testing/services.js';
import { eventually } from '../cache/cache-port.contract.js';
import { deleteKeysWithPrefix } from '../cache/delete-keys-with-prefix.js';
import { BullmqJobs } from './bullmq-jobs.js';
import { describeJobsPortContract } from './jobs-port.contract.js';

const redis = await service('redis');
const basePrefix = `test:${RUN_ID}:jobs`;
const logger = pino({ level: 'silent' });

describe.skipIf(!redis.url)('BullmqJobs', () => {
  const url = redis.url ?? '';
  afterAll(async () => {
    await deleteKeysWithPrefix(url, basePrefix);
  });

  describe('meets the jobs port contract', () => {
    describeJobsPortContract((keyPrefix) => new BullmqJobs({ url, keyPrefix, logger }), basePrefix);
  });

  it('when two processes schedule the same job, it runs once per interval across both', async () => {
    const keyPrefix = `${basePrefix}:shared`;
    const workers = [new BullmqJobs({ url, keyPrefix, logger }), new BullmqJobs({ url, keyPrefix, logger })];
    const runsBy = [0, 0];
    try {
      for (const [i, jobs] of workers.entries()) {
        jobs.define('rollup', async () => void (runsBy[i]! += 1));
        await jobs.start();
        await jobs.schedule('rollup', 100);
      }
      const startedAt = Date.now();
      await eventually('the shared schedule runs 6 times', () => runsBy[0]! + runsBy[1]! >= 6, 10_000);
      await new Promise((r) => setTimeout(r, 500));
      const elapsed = Date.now() - startedAt;
      const total = runsBy[0]! + runsBy[1]!;
      // Each process upserting its own timer would give about twice this many runs.
      expect(total, `runs ${JSON.stringify(runsBy)} in ${elapsed} ms at every=100`).toBeLessThanOrEqual(Math.floor(elapsed / 100) + 2);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
