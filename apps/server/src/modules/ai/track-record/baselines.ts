/**
 * The two naive forecasters a model must beat, applied to exactly the predictions it made:
 * - majority: always the commonest outcome among those predictions (in hindsight, so it is
 *   the strongest constant forecaster for that set, never a weaker one);
 * - persistence: the outcome of the latest earlier prediction of the same model, symbol and
 *   horizon that had resolved when this one was made (the last bar's label when a prediction
 *   is stored every bar); before any has resolved, the majority outcome.
 */
import { LABELS, type Label } from './classification-metrics.js';

export interface SequencedOutcome {
  modelVersion: string;
  symbol: string;
  horizon: string;
  outcome: Label;
  generatedAt: number;
  resolveAt: number;
}

/** Ties go to the first label in UP, DOWN, FLAT order so the result never depends on row order. */
export function majorityLabel(outcomes: readonly Label[]): Label {
  const counts = LABELS.map((label) => outcomes.filter((o) => o === label).length);
  return LABELS[counts.indexOf(Math.max(...counts))]!;
}

/** The persistence forecast for each row, in the rows' order. */
export function persistenceForecasts(rows: readonly SequencedOutcome[]): Label[] {
  const fallback = majorityLabel(rows.map((r) => r.outcome));
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = `${r.modelVersion}\u0000${r.symbol}\u0000${r.horizon}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const forecasts: Label[] = new Array(rows.length);
  for (const indices of groups.values()) {
    const byGenerated = [...indices].sort((a, b) => rows[a]!.generatedAt - rows[b]!.generatedAt || a - b);
    const byResolved = [...indices].sort((a, b) => rows[a]!.resolveAt - rows[b]!.resolveAt || a - b);
    let known = -1;
    let last: Label | undefined;
    for (const i of byGenerated) {
      while (known + 1 < byResolved.length && rows[byResolved[known + 1]!]!.resolveAt <= rows[i]!.generatedAt) {
        known += 1;
        last = rows[byResolved[known]!]!.outcome;
      }
      forecasts[i] = last ?? fallback;
    }
  }
  return forecasts;
}
