/**
 * Worker role: defines the recorded `market-data` job and schedules it from config. With
 * BullMQ the schedule is shared, so several workers still run it once per period.
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
    await scheduleEvery(ports.jobs, MARKET_DATA_JOB, everyMs);
    // The schedule lives in the jobs port (and in Redis with BullMQ); closing the port stops it.
    return { stop: async () => undefined };
  },
};
