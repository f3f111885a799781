/**
 * Worker role: defines the recorded `batch-processing` job and schedules it from config
 * (daily by default). One try only: a failed training is not retried until the next period.
 */
import type { EntryPoint } from '../../../kernel/module.js';
import { defineRecordedJob, scheduleEvery } from '../../jobs/index.js';
import { BATCH_PROCESSING_JOB, parseBatchInput, runBatchProcessing } from './run-batch-processing.js';

export const batchProcessingEntryPoint: EntryPoint = {
  name: 'batch-processing-job',
  async start({ ports, config, logger, signal }) {
    const log = logger.child({ job: BATCH_PROCESSING_JOB });
    defineRecordedJob(ports.jobs, ports.db, logger, {
      name: BATCH_PROCESSING_JOB,
      attempts: 1,
      run: (data) =>
        runBatchProcessing(
          { db: ports.db.db, symbols: ports.market.symbols.list().map((s) => s.symbol), signal, onStep: (step) => log.info({ step }, 'batch-processing step') },
          parseBatchInput(data),
        ),
    });
    await scheduleEvery(ports.jobs, BATCH_PROCESSING_JOB, config.jobs.batchProcessing.everyMs);
    return { stop: async () => undefined };
  },
};
