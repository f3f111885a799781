/**
 * Worker role: defines the recorded `score-predictions` job and schedules it from config.
 * Runs overlapping on two workers are harmless: each row is scored once.
 */
import type { EntryPoint } from '../../../kernel/module.js';
import { defineRecordedJob, scheduleEvery } from '../../jobs/index.js';
import { defaultOutcomeRule, scorePredictions, type OutcomeRule } from './score-predictions.js';

export const SCORE_PREDICTIONS_JOB = 'score-predictions';

export function scorePredictionsEntryPoint(rule: OutcomeRule = defaultOutcomeRule): EntryPoint {
  return {
    name: 'score-predictions-job',
    async start({ ports, config, logger }) {
      const { everyMs, voidAfterMs } = config.jobs.scorePredictions;
      defineRecordedJob(ports.jobs, ports.db, logger, {
        name: SCORE_PREDICTIONS_JOB,
        attempts: 3,
        backoffMs: 5_000,
        run: () => scorePredictions({ db: ports.db.db, rule, voidAfterMs }),
      });
      await scheduleEvery(ports.jobs, SCORE_PREDICTIONS_JOB, everyMs);
      return { stop: async () => undefined };
    },
  };
}
