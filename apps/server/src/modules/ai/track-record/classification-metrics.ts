/**
 * The figures a three-class forecast is judged by, over the same rows: accuracy, balanced
 * accuracy (mean recall over the classes that occurred, so always answering the commonest
 * class scores 1/k however lopsided the data), log loss, the multi-class Brier score and the
 * confusion matrix. Each is null over no rows: "no evidence" must not read as 0 or 1.
 */
import { PREDICTION_LABELS } from '../../../db/schema.js';

export type Label = (typeof PREDICTION_LABELS)[number];
export const LABELS: readonly Label[] = PREDICTION_LABELS;
export type Probabilities = Record<Label, number>;
export type Confusion = Record<Label, Record<Label, number>>;

/** Probabilities are clipped here before the logarithm, as scikit-learn does. */
export const LOG_LOSS_EPSILON = 1e-15;

export function accuracy(actual: readonly Label[], predicted: readonly Label[]): number | null {
  sameLength(actual, predicted);
  if (actual.length === 0) return null;
  return actual.filter((a, i) => a === predicted[i]).length / actual.length;
}

export function balancedAccuracy(actual: readonly Label[], predicted: readonly Label[]): number | null {
  sameLength(actual, predicted);
  const recalls = LABELS.flatMap((label) => {
    const rows = actual.flatMap((a, i) => (a === label ? [i] : []));
    return rows.length === 0 ? [] : [rows.filter((i) => predicted[i] === label).length / rows.length];
  });
  return recalls.length === 0 ? null : recalls.reduce((s, r) => s + r, 0) / recalls.length;
}

/** Mean −ln p(actual). */
export function logLoss(actual: readonly Label[], probabilities: readonly Probabilities[]): number | null {
  sameLength(actual, probabilities);
  if (actual.length === 0) return null;
  const total = actual.reduce((s, a, i) => s - Math.log(Math.min(1, Math.max(LOG_LOSS_EPSILON, probabilities[i]![a]))), 0);
  return total / actual.length;
}

/** Mean over rows of Σ over classes (p − 1[class = actual])²: 0 is perfect, 2 is certain and wrong. */
export function brierScore(actual: readonly Label[], probabilities: readonly Probabilities[]): number | null {
  sameLength(actual, probabilities);
  if (actual.length === 0) return null;
  const total = actual.reduce((s, a, i) => s + LABELS.reduce((t, k) => t + (probabilities[i]![k] - (k === a ? 1 : 0)) ** 2, 0), 0);
  return total / actual.length;
}

/** confusion[actual][predicted]. */
export function confusionMatrix(actual: readonly Label[], predicted: readonly Label[]): Confusion {
  sameLength(actual, predicted);
  const m = Object.fromEntries(LABELS.map((a) => [a, Object.fromEntries(LABELS.map((p) => [p, 0]))])) as Confusion;
  actual.forEach((a, i) => (m[a][predicted[i]!] += 1));
  return m;
}

function sameLength(a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new Error(`metric over ${a.length} outcomes and ${b.length} forecasts`);
}
