/**
 * A model's live track record from its scored predictions: the figures, the confusion
 * matrix, the two baselines over the same predictions, and accuracy week by week.
 */
import type { TrackRecord, TrackRecordSummary } from '@cryptosim/contracts';
import { majorityLabel, persistenceForecasts, type SequencedOutcome } from './baselines.js';
import { accuracy, balancedAccuracy, brierScore, confusionMatrix, logLoss, type Label, type Probabilities } from './classification-metrics.js';

export interface ScoredRow extends SequencedOutcome {
  label: Label;
  probabilities: Probabilities;
}

const WEEK_MS = 7 * 86_400_000;
// 1970-01-05 was a Monday: weeks start there, in UTC.
const MONDAY_MS = 4 * 86_400_000;

export function computeTrackRecord(rows: readonly ScoredRow[]): TrackRecord {
  const actual = rows.map((r) => r.outcome);
  return {
    ...summarize(rows),
    logLoss: logLoss(actual, rows.map((r) => r.probabilities)),
    brier: brierScore(actual, rows.map((r) => r.probabilities)),
    confusion: confusionMatrix(actual, rows.map((r) => r.label)),
    byWeek: accuracyByWeek(rows),
  };
}

export function summarize(rows: readonly ScoredRow[]): TrackRecordSummary {
  const actual = rows.map((r) => r.outcome);
  const predicted = rows.map((r) => r.label);
  const majority = actual.map(() => majorityLabel(actual));
  const persistence = persistenceForecasts(rows);
  return {
    scored: rows.length,
    accuracy: accuracy(actual, predicted),
    balancedAccuracy: balancedAccuracy(actual, predicted),
    baselines: {
      majority: { accuracy: accuracy(actual, majority), balancedAccuracy: balancedAccuracy(actual, majority) },
      persistence: { accuracy: accuracy(actual, persistence), balancedAccuracy: balancedAccuracy(actual, persistence) },
    },
  };
}

/** Oldest week first; a week is the UTC Monday-to-Sunday the predictions were made in. */
export function accuracyByWeek(rows: readonly ScoredRow[]): TrackRecord['byWeek'] {
  const weeks = new Map<number, { scored: number; right: number }>();
  for (const r of rows) {
    const start = Math.floor((r.generatedAt - MONDAY_MS) / WEEK_MS) * WEEK_MS + MONDAY_MS;
    const w = weeks.get(start) ?? { scored: 0, right: 0 };
    w.scored += 1;
    if (r.label === r.outcome) w.right += 1;
    weeks.set(start, w);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, w]) => ({ week: new Date(start).toISOString().slice(0, 10), scored: w.scored, accuracy: w.right / w.scored }));
}
