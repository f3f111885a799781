/**
 * BullMQ through a Redis outage: enqueue fails fast and health says so while Redis is
 * away, and the worker picks up jobs again by itself once it is back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { RedisProcess, redisServerMissingReason } from '../../testing/redis-process.js';
import { unavailable } from '../../testing/services.js';
import { eventually } from '../../testing/eventually.js';
import { createJobs } from './create-jobs.js';
import type { JobsPort } from './jobs-port.js';

const missingReason = redisServerMissingReason();
const missing = missingReason ? unavailable('BullMQ outage', missingReason) : undefined;

describe.skipIf(missing)('BullmqJobs through a Redis outage', () => {
  let server: RedisProcess | undefined;
  let jobs: JobsPort | undefined;
  afterEach(async () => {
    try {
      await jobs?.close();
    } finally {
      await server?.stop();
    }
  });

  it('when Redis stops, enqueue rejects and health is not ok; when it returns, jobs run again', async () => {
    server = await RedisProcess.start();
    jobs = createJobs({ redisUrl: server.url, keyPrefix: 'outage', logger: pino({ level: 'silent' }) });
    const seen: unknown[] = [];
    jobs.define('echo', async (data) => void seen.push(data));
    await jobs.start();
    await jobs.enqueue('echo', { n: 1 });
    await eventually('the job runs before the outage', () => seen.length === 1);

    await server.stop();
    await eventually('health reports the outage', async () => !(await jobs!.health()).ok);
    await expect(jobs.enqueue('echo', { n: 2 }), 'enqueue rejects instead of hanging').rejects.toThrow();

    await server.start();
    await eventually('health recovers without help', async () => (await jobs!.health()).ok, 15_000);
    await jobs.enqueue('echo', { n: 3 });
    await eventually('the worker runs jobs again', () => seen.some((d) => (d as { n: number }).n === 3), 20_000);
  });
});
