/** Scores of class predictions: accuracy, balanced accuracy, log loss, calibration, baselines. */
import { CLASSES, UP } from './labels.js';

const K = CLASSES.length;

export function accuracy(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  let hit = 0;
  let n = 0;
  for (let i = 0; i < actual.length; i++) {
    if (predicted[i]! < 0) continue;
    n++;
    if (actual[i] === predicted[i]) hit++;
  }
  return n === 0 ? Number.NaN : hit / n;
}

/** Mean recall over the classes that occur in `actual` (rows with predicted −1 are skipped). */
export function balancedAccuracy(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const hits = new Array<number>(K).fill(0);
  const totals = new Array<number>(K).fill(0);
  for (let i = 0; i < actual.length; i++) {
    if (predicted[i]! < 0) continue;
    totals[actual[i]!]!++;
    if (actual[i] === predicted[i]) hits[actual[i]!]!++;
  }
  let sum = 0;
  let classes = 0;
  for (let k = 0; k < K; k++) {
    if (totals[k]! === 0) continue;
    sum += hits[k]! / totals[k]!;
    classes++;
  }
  return classes === 0 ? Number.NaN : sum / classes;
}

/** Mean −ln p(actual class); probabilities row-major rows × 3 in CLASSES order, clipped at 1e-15. */
export function logLoss(actual: ArrayLike<number>, probabilities: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum -= Math.log(Math.max(1e-15, probabilities[i * K + actual[i]!]!));
  return actual.length === 0 ? Number.NaN : sum / actual.length;
}

export function argmaxRows(probabilities: ArrayLike<number>, rows: number): Int32Array {
  const out = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (probabilities[i * K + k]! > probabilities[i * K + best]!) best = k;
    out[i] = best;
  }
  return out;
}

/** confusion[actual][predicted] in CLASSES order. */
export function confusion(actual: ArrayLike<number>, predicted: ArrayLike<number>): number[][] {
  const m = CLASSES.map(() => new Array<number>(K).fill(0));
  for (let i = 0; i < actual.length; i++) if (predicted[i]! >= 0) m[actual[i]!]![predicted[i]!]!++;
  return m;
}

export interface CalibrationBin {
  from: number;
  to: number;
  rows: number;
  meanConfidence: number;
  accuracy: number;
}

/** Reliability of the top class: bins of its probability against how often it was right, and the ECE. */
export function calibration(actual: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): { bins: CalibrationBin[]; ece: number } {
  const predicted = argmaxRows(probabilities, actual.length);
  const acc = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, rows: 0, conf: 0, hits: 0 }));
  for (let i = 0; i < actual.length; i++) {
    const p = probabilities[i * K + predicted[i]!]!;
    const b = acc[Math.min(bins - 1, Math.floor(p * bins))]!;
    b.rows++;
    b.conf += p;
    if (predicted[i] === actual[i]) b.hits++;
  }
  let ece = 0;
  const out = acc
    .filter((b) => b.rows > 0)
    .map((b) => {
      ece += (b.rows / actual.length) * Math.abs(b.hits / b.rows - b.conf / b.rows);
      return { from: b.from, to: b.to, rows: b.rows, meanConfidence: b.conf / b.rows, accuracy: b.hits / b.rows };
    });
  return { bins: out, ece };
}

export interface Summary {
  rows: number;
  accuracy: number;
  balancedAccuracy: number;
  logLoss: number;
  baselines: {
    majority: { accuracy: number; balancedAccuracy: number };
    persistence: { accuracy: number; balancedAccuracy: number };
  };
}

/**
 * The CLI's summary. `majorityClass` comes from the training rows (the model's fold);
 * persistence predicts the label of the last h bars (`previous`, −1 where unknown counts as a miss
 * against the same rows, so every figure is over the same rows).
 */
export function summarize(actual: ArrayLike<number>, probabilities: ArrayLike<number>, previous: ArrayLike<number>, majorityClass: ArrayLike<number> | number): Summary {
  const n = actual.length;
  const predicted = argmaxRows(probabilities, n);
  const majority = new Int32Array(n);
  for (let i = 0; i < n; i++) majority[i] = typeof majorityClass === 'number' ? majorityClass : majorityClass[i]!;
  // An unknown previous label (a gap) is a wrong guess, not a skipped row.
  const persistence = Int32Array.from({ length: n }, (_, i) => (previous[i]! >= 0 ? previous[i]! : (actual[i]! + 1) % K));
  return {
    rows: n,
    accuracy: accuracy(actual, predicted),
    balancedAccuracy: balancedAccuracy(actual, predicted),
    logLoss: logLoss(actual, probabilities),
    baselines: {
      majority: { accuracy: accuracy(actual, majority), balancedAccuracy: balancedAccuracy(actual, majority) },
      persistence: { accuracy: accuracy(actual, persistence), balancedAccuracy: balancedAccuracy(actual, persistence) },
    },
  };
}

export function majorityOf(labels: ArrayLike<number>): number {
  const counts = new Array<number>(K).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]!]!++;
  return counts.indexOf(Math.max(...counts));
}

export interface StrategyResult {
  bars: number;
  trades: number;
  /** Total return of long-when-UP / flat otherwise, after fees. */
  strategyReturn: number;
  buyAndHoldReturn: number;
  exposure: number;
}

/**
 * Long/flat from the predictions of one symbol in time order: hold the coin over bar t → t+h
 * when UP is the most likely class, else hold cash; every entry and exit pays `fee` (0.001 =
 * 0.1 %), an open position is closed (and pays) at the end. Buy-and-hold pays one entry and one exit. With h > 1 only every h-th row is used, so holding
 * periods never overlap.
 */
export function longFlat(predicted: ArrayLike<number>, forward: ArrayLike<number>, horizon: number, fee = 0.001): StrategyResult {
  let equity = 1;
  let hold = 1 - fee;
  let position = 0;
  let trades = 0;
  let bars = 0;
  let longBars = 0;
  for (let i = 0; i < predicted.length; i += horizon) {
    const want = predicted[i] === UP ? 1 : 0;
    if (want !== position) {
      equity *= 1 - fee;
      trades++;
      position = want;
    }
    const r = forward[i]!;
    if (position) {
      equity *= 1 + r;
      longBars++;
    }
    hold *= 1 + r;
    bars++;
  }
  if (position) {
    equity *= 1 - fee;
    trades++;
  }
  return { bars, trades, strategyReturn: equity - 1, buyAndHoldReturn: hold * (1 - fee) - 1, exposure: bars ? longBars / bars : 0 };
}
