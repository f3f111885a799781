/**
 * The AI engine: pure functions from candles to features, labels, an XGBoost model and
 * predictions. Nothing here touches the database, the cache or HTTP.
 *
 * Serving (no native library needed):
 *   const artifact = parseModelArtifact(await readFile(DEFAULT_MODEL_PATH, 'utf8'));
 *   const evaluator = createEvaluator(artifact);
 *   const latest = latestFeatures(closedCandles, btcClosedCandles);     // undefined: not enough history
 *   const p = evaluator.predict(selectFeatures(latest.features, artifact)); // { UP, DOWN, FLAT }
 *
 * Scoring a stored prediction once bar t + horizon has closed:
 *   labelFor(close[t + h] / close[t] - 1, artifact.theta[symbol])
 *
 * Training (needs libxgboost; throws XGBoostUnavailableError with the apt command otherwise):
 *   const { artifact } = trainModel({ symbols: [{ symbol, candles }, …], to: Date.UTC(2025, 11, 31, 23) });
 *   await writeFile(file, serializeModelArtifact(artifact));
 *
 * Candles are closed bars sorted by open time, numbers (not decimal strings): convert at the edge.
 * trainModel is synchronous (libxgboost runs on the calling thread, one OpenMP thread by default):
 * a process that does anything else trains with trainModelInWorker / trainFromSeriesInWorker,
 * which run it on a worker thread (stoppable through an AbortSignal).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureIndexes } from './features.js';
import type { ModelArtifact } from './model-artifact.js';

export { INTERVAL_MS, intervalMs, parseCandlesCsv, sliceByTime, type Candle } from './candles.js';
export { CLASSES, labelFor, labelIndex, fitTheta, forwardReturns, backwardReturns, type Direction } from './labels.js';
export {
  buildFeatures,
  latestFeatures,
  featureIndexes,
  FEATURE_NAMES,
  FEATURE_WARMUP_BARS,
  FEATURE_LOOKBACK_BARS,
  type FeatureMatrix,
  type FeatureName,
  type FeatureOptions,
} from './features.js';
export { prepareSeries, selectRows, fitThetas, type Dataset, type PreparedSeries, type SymbolCandles } from './dataset.js';
export {
  parseModelArtifact,
  serializeModelArtifact,
  importXGBoostModel,
  readBooster,
  ModelArtifactError,
  ARTIFACT_FORMAT,
  MAX_ARTIFACT_BYTES,
  type ModelArtifact,
  type ModelMetrics,
  type ImportOptions,
  type XGBoostJsonModel,
} from './model-artifact.js';
export { createEvaluator, type Evaluator } from './evaluator.js';
export { IndicatorStream, latestIndicators, VOLATILITY_BARS, type IndicatorValues } from './indicators.js';
export {
  trainModel,
  trainBooster,
  trainFromSeries,
  TrainingStoppedError,
  DEFAULT_TRAIN_PARAMS,
  type TrainParams,
  type TrainModelInput,
  type TrainModelResult,
  type TrainSeriesOptions,
  type TrainSeriesResult,
  type ProgressFn,
} from './train-model.js';
export { trainModelInWorker, trainFromSeriesInWorker, type WorkerControls } from './train-in-worker.js';
export { loadXGBoost, findLibXGBoost, XGBoostUnavailableError, LIBXGBOOST_INSTALL_HINT, type XGBoostLib } from './xgboost-native.js';
export { accuracy, balancedAccuracy, logLoss, confusion, calibration, summarize, longFlat, argmaxRows, type Summary, type StrategyResult, type CalibrationBin } from './metrics.js';
export { scoreModel, summarizeScored, walkForward, rowsOfSymbol, predictedClasses, type ScoredRows, type WalkForwardOptions } from './score-model.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const beside = path.resolve(here, '../default-model/model.json');

/**
 * The committed default model (trained on ../shared/data/market hourly candles up to 2025-12-31).
 * tsc does not copy JSON into dist/, so a built server falls back to the file in src/ when the
 * build step has not copied it beside the compiled module.
 */
export const DEFAULT_MODEL_PATH = existsSync(beside) ? beside : beside.replace(`${path.sep}dist${path.sep}`, `${path.sep}src${path.sep}`);

/** A full FEATURE_NAMES vector (from buildFeatures/latestFeatures) in the artifact's feature order. */
export function selectFeatures(features: ArrayLike<number>, artifact: Pick<ModelArtifact, 'featureNames'>): Float64Array {
  const idx = featureIndexes(artifact.featureNames);
  return Float64Array.from(idx, (i) => features[i]!);
}
