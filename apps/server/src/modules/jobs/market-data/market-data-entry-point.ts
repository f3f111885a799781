/**
 * Worker role: defines the recorded `market-data` job and schedules it from config. With
 * BullMQ the schedule is shared, so several workers still run it once per period.
 *
 * The first run comes one period after start, not at start: a worker (re)starting competes
 * with the feed's own start-up backfill for the source and the database, and a restart loop
 * would otherwise run the whole backfill each time. Both jobs implementations run a schedule at
 * once when it is set, so the schedule is set one period late.
 */
import type { EntryPoint } from '../../../kernel/module.js';
import { defineRecordedJob, scheduleEvery } from '../define-recorded-job.js';
import { MARKET_DATA_JOB, parseMarketDataInput, runMarketData } from './run-market-data.js';

export const marketDataEntryPoint: EntryPoint = {
  name: 'market-data-job',
  async start({ ports, config, logger, signal }) {
    const { everyMs, lookbackHours } = config.jobs.marketData;
    defineRecordedJob(ports.jobs, ports.db, logger, {
      name: MARKET_DATA_JOB,
      attempts: 3,
      backoffMs: 30_000,
      run: (data) =>
        runMarketData(
          {
            db: ports.db,
            source: ports.market,
            symbols: ports.market.symbols.list().map((s) => s.symbol),
            logger: logger.child({ job: MARKET_DATA_JOB }),
            lookbackHours,
            signal,
          },
          parseMarketDataInput(data),
        ),
    });
    if (everyMs <= 0) return { stop: async () => undefined };
    const later = setTimeout(() => {
      scheduleEvery(ports.jobs, MARKET_DATA_JOB, everyMs).catch((err: unknown) => logger.error({ err, job: MARKET_DATA_JOB }, 'could not schedule the market-data job'));
    }, everyMs);
    later.unref();
    // Once set, the schedule lives in the jobs port (and in Redis with BullMQ); closing the port stops it.
    return { stop: async () => clearTimeout(later) };
  },
};
