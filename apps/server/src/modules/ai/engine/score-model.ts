/** Scores a model on a window of candles with the TypeScript evaluator, and walk-forward folds. */
import { intervalMs as toIntervalMs } from './candles.js';
import { selectRows, type PreparedSeries } from './dataset.js';
import { createEvaluator } from './evaluator.js';
import { featureIndexes } from './features.js';
import { CLASSES } from './labels.js';
import { argmaxRows, majorityOf, summarize, type Summary } from './metrics.js';
import type { ModelArtifact } from './model-artifact.js';
import { trainFromSeries, type ProgressFn, type TrainParams } from './train-model.js';

export interface ScoredRows {
  rows: number;
  openTimes: Float64Array;
  symbols: string[];
  symbolIndex: Uint16Array;
  actual: Int32Array;
  previous: Int32Array;
  forward: Float64Array;
  /** rows × 3, CLASSES order. */
  probabilities: Float64Array;
  /** The majority baseline's class per row (from the training rows of the model that scored it). */
  majority: Int32Array;
}

/**
 * Predictions for every labelled bar in [from, before) of the series, under the model's θ
 * (symbols without θ in the artifact are skipped). Features may use earlier candles.
 */
export function scoreModel(artifact: ModelArtifact, series: readonly PreparedSeries[], window: { from?: number; before?: number; labelBy?: number }): ScoredRows {
  featureIndexes(artifact.featureNames);
  const data = selectRows(series, window, artifact.theta, { horizon: artifact.horizon, interval: artifact.interval, featureNames: artifact.featureNames });
  const evaluator = createEvaluator(artifact);
  const probabilities = new Float64Array(data.rows * CLASSES.length);
  const out = new Float64Array(CLASSES.length);
  for (let r = 0; r < data.rows; r++) {
    evaluator.predictInto(data.X.subarray(r * data.cols, (r + 1) * data.cols), out);
    probabilities.set(out, r * CLASSES.length);
  }
  const counts = artifact.metrics.trainClassCounts;
  const majorityClass = counts ? CLASSES.indexOf(CLASSES.reduce((a, b) => (counts[b] > counts[a] ? b : a))) : majorityOf(data.y);
  return {
    rows: data.rows,
    openTimes: data.openTimes,
    symbols: data.symbols,
    symbolIndex: data.symbolIndex,
    actual: data.y,
    previous: data.previous,
    forward: data.forward,
    probabilities,
    majority: new Int32Array(data.rows).fill(majorityClass),
  };
}

export function summarizeScored(s: ScoredRows): Summary {
  return summarize(s.actual, s.probabilities, s.previous, s.majority);
}

/** The scored rows of one symbol (time order kept). */
export function rowsOfSymbol(s: ScoredRows, symbol: string): ScoredRows {
  const k = s.symbols.indexOf(symbol);
  const keep: number[] = [];
  for (let i = 0; i < s.rows; i++) if (s.symbolIndex[i] === k) keep.push(i);
  const pick = <T extends Float64Array | Int32Array | Uint16Array>(a: T, width = 1): T => {
    const out = new (a.constructor as new (n: number) => T)(keep.length * width);
    keep.forEach((i, r) => {
      for (let w = 0; w < width; w++) out[r * width + w] = a[i * width + w]!;
    });
    return out;
  };
  return {
    rows: keep.length,
    openTimes: pick(s.openTimes),
    symbols: s.symbols,
    symbolIndex: pick(s.symbolIndex),
    actual: pick(s.actual),
    previous: pick(s.previous),
    forward: pick(s.forward),
    probabilities: pick(s.probabilities, CLASSES.length),
    majority: pick(s.majority),
  };
}

export function concatScored(parts: readonly ScoredRows[]): ScoredRows {
  const cat = <T extends Float64Array | Int32Array | Uint16Array>(get: (p: ScoredRows) => T): T => {
    const arrays = parts.map(get);
    const out = new (arrays[0]!.constructor as new (n: number) => T)(arrays.reduce((n, a) => n + a.length, 0));
    let o = 0;
    for (const a of arrays) {
      out.set(a as never, o);
      o += a.length;
    }
    return out;
  };
  if (parts.length === 0) throw new Error('no folds were scored');
  return {
    rows: parts.reduce((n, p) => n + p.rows, 0),
    openTimes: cat((p) => p.openTimes),
    symbols: parts[0]!.symbols,
    symbolIndex: cat((p) => p.symbolIndex),
    actual: cat((p) => p.actual),
    previous: cat((p) => p.previous),
    forward: cat((p) => p.forward),
    probabilities: cat((p) => p.probabilities),
    majority: cat((p) => p.majority),
  };
}

export function predictedClasses(s: ScoredRows): Int32Array {
  return argmaxRows(s.probabilities, s.rows);
}

export interface WalkForwardOptions {
  interval: string;
  horizon: number;
  /** First fold's month start (ms, UTC). */
  from: number;
  /** Last candle allowed (ms): nothing after it is trained on or scored. */
  to: number;
  /** Months of training rows before each fold (rolling window). */
  trainMonths: number;
  params?: Partial<TrainParams>;
  threads?: number;
  onFold?: (fold: number, folds: number, label: string) => void;
  onProgress?: ProgressFn;
}

/** Monthly folds: for each month, train on the `trainMonths` before it (labels closed before it), score the month. */
export function walkForward(series: readonly PreparedSeries[], options: WalkForwardOptions): { scored: ScoredRows; folds: Array<{ month: string; rows: number; rounds: number; trainRows: number }> } {
  const months: number[] = [];
  for (let m = monthStart(options.from); m <= options.to; m = addMonths(m, 1)) months.push(m);
  const intervalMs = toIntervalMs(options.interval);
  const parts: ScoredRows[] = [];
  const folds: Array<{ month: string; rows: number; rounds: number; trainRows: number }> = [];
  months.forEach((start, f) => {
    const label = new Date(start).toISOString().slice(0, 7);
    options.onFold?.(f, months.length, label);
    const { artifact, rows } = trainFromSeries(series, {
      interval: options.interval,
      horizon: options.horizon,
      window: { from: addMonths(start, -options.trainMonths), labelBy: start - intervalMs },
      params: options.params,
      threads: options.threads,
      onProgress: options.onProgress,
    });
    const scored = scoreModel(artifact, series, { from: start, before: addMonths(start, 1), labelBy: options.to });
    parts.push(scored);
    folds.push({ month: label, rows: scored.rows, rounds: (artifact.metrics.bestIteration ?? 0) + 1, trainRows: rows });
  });
  return { scored: concatScored(parts), folds };
}

export function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

export function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours());
}
