import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { RUN_ID, service } from '../../testing/services.js';
import { eventually } from '../../testing/eventually.js';
import { deleteKeysWithPrefix } from '../cache/delete-keys-with-prefix.js';
import { BullmqJobs } from './bullmq-jobs.js';
import { describeJobsPortContract } from './jobs-port.contract.js';

const redis = await service('redis');
const basePrefix = `cs-test:${RUN_ID}:jobs`;
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
    const total = () => runsBy[0]! + runsBy[1]!;
    try {
      // The clock: one schedule at the same interval, upserted by one process only, defined in
      // both (either worker may take its runs). A timer per process would run the job about
      // twice per metronome tick, however fast or slow the machine is.
      const metronome = { ticks: 0 };
      for (const jobs of workers) jobs.define('metronome', async () => void (metronome.ticks += 1));
      await workers[0]!.schedule('metronome', 100);
      for (const [i, jobs] of workers.entries()) {
        jobs.define('rollup', async () => void (runsBy[i]! += 1));
        await jobs.start();
        await jobs.schedule('rollup', 100);
      }
      await eventually('both schedules run', () => total() >= 1 && metronome.ticks >= 1, 10_000);
      const [runsFrom, ticksFrom] = [total(), metronome.ticks];
      await eventually('ten metronome ticks', () => metronome.ticks >= ticksFrom + 10, 20_000);
      const [runs, ticks] = [total() - runsFrom, metronome.ticks - ticksFrom];
      expect(runs, `rollup runs ${JSON.stringify(runsBy)} (${runs} counted) while the metronome ticked ${ticks} times`).toBeLessThanOrEqual(ticks + 2);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
