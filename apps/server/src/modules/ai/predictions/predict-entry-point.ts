/**
 * Worker role: defines the recorded `predict` job and schedules it from config. It runs often
 * (every minute by default) and stores something only when a bar closed since: the unique
 * (model, symbol, horizon, bar) row makes every other run a no-op, on one worker or several.
 */
import type { EntryPoint } from '../../../kernel/module.js';
import { defineRecordedJob, scheduleEvery } from '../../jobs/index.js';
import { ActiveModelCache } from '../serving/active-model-cache.js';
import { runsOnWallClock } from '../serving/market-staleness.js';
import { PREDICT_JOB, runPredict } from './run-predict.js';

export const predictEntryPoint: EntryPoint = {
  name: 'predict-job',
  async start({ ports, config, logger, signal }) {
    const models = new ActiveModelCache(ports.db.db);
    defineRecordedJob(ports.jobs, ports.db, logger, {
      name: PREDICT_JOB,
      attempts: 2,
      backoffMs: 5_000,
      run: () => runPredict({ db: ports.db.db, models, symbols: ports.market.symbols.list().map((s) => s.symbol), checkStaleness: runsOnWallClock(ports.market.impl), signal }),
    });
    await scheduleEvery(ports.jobs, PREDICT_JOB, config.jobs.predict.everyMs);
    return { stop: async () => undefined };
  },
};
