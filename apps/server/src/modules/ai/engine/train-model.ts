/**
 * Training with the real XGBoost (libxgboost through koffi): multi:softprob, hist, a fixed seed,
 * early stopping on the last 15 % of the time-ordered rows (never shuffled across time).
 */
import { intervalMs as toIntervalMs, type Candle } from './candles.js';
import { fitThetas, prepareSeries, selectRows, type Dataset, type PreparedSeries, type SymbolCandles } from './dataset.js';
import { FEATURE_NAMES } from './features.js';
import { CLASSES, type Direction } from './labels.js';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, parseModelArtifact, type ModelArtifact } from './model-artifact.js';
import { loadXGBoost } from './xgboost-native.js';

export interface TrainParams {
  maxRounds: number;
  earlyStoppingRounds: number;
  eta: number;
  maxDepth: number;
  minChildWeight: number;
  subsample: number;
  colsampleBytree: number;
  lambda: number;
  maxBin: number;
  seed: number;
  /** Share of the time-ordered rows (the latest) used for early stopping. */
  validationShare: number;
}

export const DEFAULT_TRAIN_PARAMS: Readonly<TrainParams> = {
  maxRounds: 300,
  earlyStoppingRounds: 25,
  eta: 0.1,
  maxDepth: 4,
  minChildWeight: 50,
  subsample: 0.8,
  colsampleBytree: 0.8,
  lambda: 1,
  maxBin: 128,
  seed: 42,
  validationShare: 0.15,
};

export type ProgressFn = (done: number, total: number, label: string) => void;

/** Training was asked to stop (shutdown, a cancelled job) before it finished. */
export class TrainingStoppedError extends Error {
  constructor() {
    super('training was stopped before it finished');
    this.name = 'TrainingStoppedError';
  }
}

export interface BoosterResult {
  boosterJson: string;
  rounds: number;
  bestIteration: number;
  validationLogLoss: number;
  trainRows: number;
  validationRows: number;
  /** Milliseconds spent inside libxgboost calls. */
  nativeMs: number;
  libraryVersion: string;
}

/** Trains on `data` (rows already in time order); the last `validationShare` of time stops it early. */
export function trainBooster(
  data: Dataset,
  options: { params?: Partial<TrainParams>; horizonMs: number; threads?: number; onProgress?: ProgressFn; libraryPath?: string; shouldStop?: () => boolean },
): BoosterResult {
  const p = { ...DEFAULT_TRAIN_PARAMS, ...options.params };
  const xgb = loadXGBoost(options.libraryPath);
  if (data.rows < 100) throw new Error(`not enough rows to train (${data.rows}); give more candles`);
  const cutTime = data.openTimes[Math.floor(data.rows * (1 - p.validationShare))]!;
  // Training rows whose label bar reaches into the validation period are dropped (purged).
  let trainEnd = 0;
  while (trainEnd < data.rows && data.openTimes[trainEnd]! + options.horizonMs < cutTime) trainEnd++;
  let validStart = trainEnd;
  while (validStart < data.rows && data.openTimes[validStart]! < cutTime) validStart++;
  const validRows = data.rows - validStart;
  if (trainEnd < 50 || validRows < 20) throw new Error(`not enough rows for early stopping (train ${trainEnd}, validation ${validRows})`);

  let nativeMs = 0;
  const timed = <T>(f: () => T): T => {
    const t0 = performance.now();
    try {
      return f();
    } finally {
      nativeMs += performance.now() - t0;
    }
  };
  const matrix = (from: number, to: number) => {
    const X = Float32Array.from(data.X.subarray(from * data.cols, to * data.cols));
    const y = Float32Array.from(data.y.subarray(from, to));
    return timed(() => {
      const m = xgb.createDMatrix(X, to - from, data.cols);
      xgb.setLabels(m, y);
      xgb.setFeatureNames(m, data.featureNames);
      return m;
    });
  };
  const dtrain = matrix(0, trainEnd);
  const dvalid = matrix(validStart, data.rows);
  const booster = timed(() => xgb.createBooster([dtrain, dvalid]));
  try {
    // One thread by default: libxgboost's OpenMP threads spin at barriers, so on cores shared with
    // other work (the API, other jobs) two threads ran 9× slower than one in our measurements.
    const threads = options.threads ?? 1;
    const params: Record<string, string> = {
      objective: 'multi:softprob',
      num_class: String(CLASSES.length),
      tree_method: 'hist',
      eval_metric: 'mlogloss',
      eta: String(p.eta),
      max_depth: String(p.maxDepth),
      min_child_weight: String(p.minChildWeight),
      subsample: String(p.subsample),
      colsample_bytree: String(p.colsampleBytree),
      lambda: String(p.lambda),
      max_bin: String(p.maxBin),
      seed: String(p.seed),
      nthread: String(threads),
      verbosity: '0',
    };
    timed(() => {
      for (const [k, v] of Object.entries(params)) xgb.setParam(booster, k, v);
      xgb.setBoosterFeatureNames(booster, data.featureNames);
    });
    let best = Infinity;
    let bestIteration = -1;
    let rounds = 0;
    for (let it = 0; it < p.maxRounds; it++) {
      // Checked between rounds, so a stopped run still frees its native handles below.
      if (options.shouldStop?.()) throw new TrainingStoppedError();
      const line = timed(() => {
        xgb.updateOneIter(booster, it, dtrain);
        return xgb.evalOneIter(booster, it, [dvalid], ['valid']);
      });
      rounds = it + 1;
      const loss = Number(/valid-mlogloss:([-+0-9.eE]+)/.exec(line)?.[1]);
      if (!Number.isFinite(loss)) throw new Error(`unexpected evaluation line from libxgboost: ${line}`);
      if (loss < best) {
        best = loss;
        bestIteration = it;
      }
      options.onProgress?.(it + 1, p.maxRounds, `round ${it + 1}, validation log loss ${loss.toFixed(5)}`);
      if (it - bestIteration >= p.earlyStoppingRounds) break;
    }
    options.onProgress?.(p.maxRounds, p.maxRounds, `best round ${bestIteration + 1} of ${rounds}`);
    const boosterJson = timed(() => {
      const sliced = xgb.slice(booster, 0, bestIteration + 1);
      try {
        return xgb.saveJsonModel(sliced);
      } finally {
        xgb.freeBooster(sliced);
      }
    });
    return { boosterJson, rounds, bestIteration, validationLogLoss: best, trainRows: trainEnd, validationRows: validRows, nativeMs, libraryVersion: xgb.version };
  } finally {
    timed(() => {
      xgb.freeBooster(booster);
      xgb.freeDMatrix(dtrain);
      xgb.freeDMatrix(dvalid);
    });
  }
}

export interface TrainModelInput {
  symbols: readonly SymbolCandles[];
  /** BTC's candles for the market factor, when BTCUSDT is not among `symbols`. */
  btc?: readonly Candle[];
  interval?: string;
  horizon?: number;
  /** Only candles opening at or before this time (ms) are used at all. */
  to?: number;
  /** Training rows start here (ms); earlier candles are feature history only. */
  from?: number;
  params?: Partial<TrainParams>;
  threads?: number;
  onProgress?: ProgressFn;
  libraryPath?: string;
  createdAt?: string;
  shouldStop?: () => boolean;
}

export interface TrainModelResult {
  artifact: ModelArtifact;
  timings: { featuresMs: number; nativeMs: number; totalMs: number };
  rows: number;
}

/** Features → θ → labels → libxgboost → artifact, from candles that end at `to`. */
export function trainModel(input: TrainModelInput): TrainModelResult {
  const t0 = performance.now();
  const interval = input.interval ?? '1h';
  const horizon = input.horizon ?? 1;
  const to = input.to ?? Infinity;
  const cut = (c: readonly Candle[]) => c.filter((x) => x.openTime <= to);
  const symbols = input.symbols.map((s) => ({ symbol: s.symbol, candles: cut(s.candles) }));
  const series = prepareSeries(symbols, { interval, horizon, btc: input.btc ? cut(input.btc) : undefined });
  const featuresMs = performance.now() - t0;
  const { artifact, nativeMs, rows } = trainFromSeries(series, { ...input, interval, horizon, window: { from: input.from, labelBy: to } });
  return { artifact, rows, timings: { featuresMs, nativeMs, totalMs: performance.now() - t0 } };
}

export interface TrainSeriesOptions {
  interval: string;
  horizon: number;
  window: { from?: number | undefined; before?: number; labelBy?: number };
  params?: Partial<TrainParams> | undefined;
  threads?: number | undefined;
  onProgress?: ProgressFn | undefined;
  libraryPath?: string | undefined;
  createdAt?: string | undefined;
  shouldStop?: (() => boolean) | undefined;
}

export interface TrainSeriesResult {
  artifact: ModelArtifact;
  nativeMs: number;
  rows: number;
}

/** Trains on the rows of `window` of already prepared series (walk-forward reuses the features). */
export function trainFromSeries(
  series: readonly PreparedSeries[],
  options: TrainSeriesOptions,
): TrainSeriesResult {
  const window = options.window;
  const theta = fitThetas(series, window, options.horizon, options.interval);
  const data = selectRows(series, window, theta, { horizon: options.horizon, interval: options.interval });
  const result = trainBooster(data, {
    params: options.params,
    horizonMs: options.horizon * toIntervalMs(options.interval),
    threads: options.threads,
    onProgress: options.onProgress,
    libraryPath: options.libraryPath,
    shouldStop: options.shouldStop,
  });
  const counts = [0, 0, 0];
  for (let i = 0; i < data.rows; i++) counts[data.y[i]!]!++;
  const trainClassCounts = Object.fromEntries(CLASSES.map((c, k) => [c, counts[k]!])) as Record<Direction, number>;
  const params = { ...DEFAULT_TRAIN_PARAMS, ...options.params };
  const iso = (ms: number) => new Date(ms).toISOString();
  const artifact: ModelArtifact = {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    classes: [...CLASSES],
    featureNames: [...FEATURE_NAMES],
    theta,
    interval: options.interval,
    horizon: options.horizon,
    dataWindow: {
      symbols: Object.keys(theta),
      from: data.rows ? iso(data.openTimes[0]!) : '',
      to: data.rows ? iso(data.openTimes[data.rows - 1]! + options.horizon * toIntervalMs(options.interval)) : '',
    },
    params: { objective: 'multi:softprob', tree_method: 'hist', eval_metric: 'mlogloss', ...params },
    metrics: {
      trainRows: result.trainRows,
      validationRows: result.validationRows,
      validationLogLoss: result.validationLogLoss,
      bestIteration: result.bestIteration,
      rounds: result.rounds,
      trainClassCounts,
    },
    trainedWith: `libxgboost ${result.libraryVersion}`,
    createdAt: options.createdAt ?? new Date().toISOString(),
    booster: result.boosterJson,
  };
  // The artifact goes through the same checks as any imported one.
  parseModelArtifact(JSON.stringify(artifact));
  return { artifact, nativeMs: result.nativeMs, rows: data.rows };
}
