/**
 * Worker role: schedules the minute equity snapshot. With BullMQ the schedule is shared,
 * so several workers still write one snapshot per minute (and the unique key would drop a
 * second one anyway).
 */
import type { EntryPoint } from '../../kernel/module.js';
import { MINUTE_MS, snapshotEquity } from './equity-snapshots.js';

export const EQUITY_SNAPSHOT_JOB = 'equity-snapshot';

export const equitySnapshotEntryPoint: EntryPoint = {
  name: 'equity-snapshots',
  async start({ ports, logger }) {
    const log = logger.child({ job: EQUITY_SNAPSHOT_JOB });
    ports.jobs.define(
      EQUITY_SNAPSHOT_JOB,
      async () => {
        const written = await snapshotEquity(ports.db.db, ports.cache, ports.market.symbols);
        log.debug({ written }, 'equity snapshots written');
      },
      { attempts: 3, backoffMs: 5_000 },
    );
    await ports.jobs.schedule(EQUITY_SNAPSHOT_JOB, MINUTE_MS);
    // The schedule lives in the jobs port (and in Redis with BullMQ); closing the port stops it.
    return { stop: async () => undefined };
  },
};
