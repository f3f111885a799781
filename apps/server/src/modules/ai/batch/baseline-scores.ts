/**
 * The two baselines as probability forecasts, so they have a log loss to compare with:
 * - majority: every row gets the class shares of the training rows (its most likely class is
 *   the majority class);
 * - persistence: the last bar's label with the probability that the label repeated in the
 *   training rows, the rest split evenly over the other two classes (a row whose last label is
 *   unknown gets the class shares).
 * Balanced accuracy is that of their most likely class, as for a model.
 */
import { balancedAccuracy, CLASSES, logLoss, argmaxRows } from '../engine/index.js';

const K = CLASSES.length;

export interface BaselineScore {
  balancedAccuracy: number;
  logLoss: number;
}

export function baselineScores(
  train: { actual: ArrayLike<number>; previous: ArrayLike<number> },
  scored: { actual: ArrayLike<number>; previous: ArrayLike<number> },
): { majority: BaselineScore; persistence: BaselineScore } {
  const shares = new Float64Array(K).fill(1 / K);
  let repeats = 0;
  let known = 0;
  if (train.actual.length > 0) {
    shares.fill(0);
    for (let i = 0; i < train.actual.length; i++) {
      shares[train.actual[i]!]! += 1 / train.actual.length;
      const prev = train.previous[i]!;
      if (prev >= 0) {
        known += 1;
        if (prev === train.actual[i]) repeats += 1;
      }
    }
  }
  // Laplace-smoothed, so a class never seen repeating is not given certainty either way.
  const stay = (repeats + 1) / (known + K);
  const n = scored.actual.length;
  const majority = new Float64Array(n * K);
  const persistence = new Float64Array(n * K);
  for (let r = 0; r < n; r++) {
    majority.set(shares, r * K);
    const prev = scored.previous[r]!;
    if (prev < 0) persistence.set(shares, r * K);
    else for (let k = 0; k < K; k++) persistence[r * K + k] = k === prev ? stay : (1 - stay) / (K - 1);
  }
  const score = (p: Float64Array): BaselineScore => ({ balancedAccuracy: balancedAccuracy(scored.actual, argmaxRows(p, n)), logLoss: logLoss(scored.actual, p) });
  return { majority: score(majority), persistence: score(persistence) };
}
