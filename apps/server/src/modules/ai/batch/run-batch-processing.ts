/**
 * The `batch-processing` job (the seed's crypto_batch_processing DAG): features → train →
 * evaluate → promote.
 *
 * 1. features: the closed candles of every symbol (and BTC for the market factor) over the
 *    training and evaluation windows, read from the database, turned into features once;
 * 2. train: a candidate with libxgboost on the bars before the held-back window (labels that
 *    reach into it are purged); stored as a candidate;
 * 3. evaluate: the candidate, the active model and both baselines on the same held-back recent
 *    window, all labelled under the candidate's θ (the current market's; each model is judged
 *    on the same outcomes);
 * 4. promote: `promoteCandidate` in one transaction.
 *
 * Training runs on a worker thread (the process keeps serving meanwhile). Without libxgboost
 * the run fails with the install command and the active model keeps serving. A run killed at any step leaves the active model as it was: only step 4 touches it,
 * in one transaction.
 */
import type { Interval } from '@cryptosim/contracts';
import type { Database } from '../../../ports/db/db-port.js';
import { readClosedCandles } from '../../market/index.js';
import {
  FEATURE_WARMUP_BARS,
  intervalMs,
  parseModelArtifact,
  prepareSeries,
  scoreModel,
  selectRows,
  serializeModelArtifact,
  summarizeScored,
  trainFromSeriesInWorker,
  type Candle,
  type ModelArtifact,
  type TrainParams,
} from '../engine/index.js';
import type { PromotionDecision, PromotionEvidence, WindowScore } from '../registry/decide-promotion.js';
import { insertCandidate, loadActiveModel } from '../registry/model-repository.js';
import { promoteCandidate } from '../registry/promote-candidate.js';
import type { ActiveModelCache } from '../serving/active-model-cache.js';
import { MARKET_FACTOR_SYMBOL, toEngine } from '../serving/predict-latest.js';
import { artifactVersion, modelRow } from '../serving/register-artifact.js';
import { baselineScores } from './baseline-scores.js';

export const BATCH_PROCESSING_JOB = 'batch-processing';
export type BatchStep = 'features' | 'train' | 'evaluate' | 'promote';

export interface BatchInput {
  /** Days of bars the candidate is trained on, before the evaluation window. */
  trainDays: number;
  /** The held-back recent window every model and baseline is scored on. */
  evalDays: number;
  /** Training overrides (rounds, depth…); the engine's defaults otherwise. */
  params?: Partial<TrainParams>;
}

export const DEFAULT_BATCH_INPUT: BatchInput = { trainDays: 180, evalDays: 14 };
/** Less training history than this is refused before any work (a fresh install has 7 days). */
export const MIN_TRAIN_DAYS = 7;

export interface BatchDeps {
  db: Database;
  symbols: readonly string[];
  interval?: Interval;
  horizon?: number;
  /** The serving cache of this process, told when a promotion changed the active model. */
  models?: ActiveModelCache;
  libraryPath?: string;
  signal?: AbortSignal | undefined;
  /** Called as each step starts (progress logs; tests stop a run half-way here). */
  onStep?: (step: BatchStep) => void | Promise<void>;
  now?: () => Date;
}

export interface BatchReport {
  candidate: string;
  data: { symbols: string[]; bars: Record<string, number>; trainRows: number; evalRows: number; window: { from: string; to: string } };
  scores: { candidate: WindowScore; active: (WindowScore & { version: string }) | null; baselines: PromotionEvidence['baselines'] };
  decision: PromotionDecision;
}

export async function runBatchProcessing(deps: BatchDeps, input: BatchInput = DEFAULT_BATCH_INPUT): Promise<BatchReport> {
  const interval = deps.interval ?? '1h';
  const horizon = deps.horizon ?? 1;
  const ms = intervalMs(interval);
  const step = async (s: BatchStep) => {
    deps.signal?.throwIfAborted();
    await deps.onStep?.(s);
  };

  await step('features');
  const bars = Math.ceil(((input.trainDays + input.evalDays) * 86_400_000) / ms) + FEATURE_WARMUP_BARS + horizon;
  const read = async (symbol: string) => (await readClosedCandles(deps.db, symbol, interval, { limit: bars })).map(toEngine);
  const bySymbol: Array<{ symbol: string; candles: Candle[] }> = [];
  for (const symbol of deps.symbols) bySymbol.push({ symbol, candles: await read(symbol) });
  const withData = bySymbol.filter((s) => s.candles.length > FEATURE_WARMUP_BARS + horizon);
  if (withData.length === 0) throw new Error(`not enough closed ${interval} candles to train on (need more than ${FEATURE_WARMUP_BARS + horizon} bars of a symbol)`);
  const btc = bySymbol.find((s) => s.symbol === MARKET_FACTOR_SYMBOL)?.candles ?? (await read(MARKET_FACTOR_SYMBOL));
  const series = prepareSeries(withData, { interval, horizon, btc });
  // The held-back window: the last evalDays of bars whose label bar has closed.
  const lastBar = Math.max(...withData.map((s) => s.candles[s.candles.length - 1]!.openTime));
  const labelBy = lastBar;
  const evalFrom = Math.floor((lastBar - horizon * ms - input.evalDays * 86_400_000) / ms) * ms + ms;
  const trainFrom = evalFrom - input.trainDays * 86_400_000;
  const firstBar = Math.min(...withData.map((s) => s.candles[0]!.openTime));
  if (firstBar > evalFrom - MIN_TRAIN_DAYS * 86_400_000) {
    const days = ((lastBar - firstBar) / 86_400_000).toFixed(1);
    throw new Error(`only ${days} days of closed ${interval} candles are stored; training needs the ${input.evalDays}-day evaluation window plus at least ${MIN_TRAIN_DAYS} days before it`);
  }

  await step('train');
  const createdAt = (deps.now?.() ?? new Date()).toISOString();
  // As in walk-forward: every training label is known before the first evaluated bar closes.
  const trainWindow = { from: trainFrom, before: evalFrom, labelBy: evalFrom - ms };
  // On a worker thread: the process's other jobs (and in embedded mode the API) keep running;
  // shutdown (the signal) stops it between boosting rounds.
  const trained = await trainFromSeriesInWorker(series, { interval, horizon, window: trainWindow, params: input.params, libraryPath: deps.libraryPath, createdAt }, { signal: deps.signal });
  const candidate = trained.artifact;

  await step('evaluate');
  const evalWindow = { from: evalFrom, labelBy };
  const scored = scoreModel(candidate, series, evalWindow);
  if (scored.rows === 0) throw new Error(`no labelled bars in the evaluation window from ${new Date(evalFrom).toISOString()}`);
  const window = { from: new Date(scored.openTimes[0]!).toISOString(), to: new Date(scored.openTimes[scored.rows - 1]!).toISOString() };
  const summary = summarizeScored(scored);
  const candidateScore: WindowScore = { window, balancedAccuracy: summary.balancedAccuracy, logLoss: summary.logLoss };
  const train = selectRows(series, trainWindow, candidate.theta, { horizon, interval });
  const baselines = baselineScores({ actual: train.y, previous: train.previous }, { actual: scored.actual, previous: scored.previous });
  const activeRow = await loadActiveModel(deps.db);
  let active: BatchReport['scores']['active'] = null;
  if (activeRow) {
    const activeArtifact: ModelArtifact = { ...parseModelArtifact(activeRow.artifact), theta: candidate.theta };
    const s = summarizeScored(scoreModel(activeArtifact, series, evalWindow));
    active = { version: activeRow.version, window, balancedAccuracy: s.balancedAccuracy, logLoss: s.logLoss };
  }
  const evidence: PromotionEvidence = {
    candidate: candidateScore,
    active,
    baselines: { majority: { window, ...baselines.majority }, persistence: { window, ...baselines.persistence } },
  };
  const text = serializeModelArtifact(candidate);
  const version = artifactVersion(`xgb-${createdAt.slice(0, 16).replace(/[-:]/g, '')}`, text);
  await insertCandidate(deps.db, modelRow(version, candidate, text, { evaluation: { window, rows: scored.rows, ...evidence } }));

  await step('promote');
  const decision = await promoteCandidate(deps.db, version, evidence);
  if (decision.promote) deps.models?.invalidate();
  return {
    candidate: version,
    data: {
      symbols: withData.map((s) => s.symbol),
      bars: Object.fromEntries(withData.map((s) => [s.symbol, s.candles.length])),
      trainRows: trained.rows,
      evalRows: scored.rows,
      window,
    },
    scores: { candidate: candidateScore, active, baselines: evidence.baselines },
    decision,
  };
}

/** The job's data: `{ trainDays?, evalDays?, maxRounds? }`; anything else is refused. */
export function parseBatchInput(data: unknown): BatchInput {
  if (data === undefined || data === null) return DEFAULT_BATCH_INPUT;
  const ok = (v: unknown, max: number) => v === undefined || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= max);
  if (typeof data === 'object' && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if (Object.keys(d).every((k) => ['trainDays', 'evalDays', 'maxRounds'].includes(k)) && ok(d.trainDays, 3650) && ok(d.evalDays, 365) && ok(d.maxRounds, 5000)) {
      return {
        trainDays: (d.trainDays as number | undefined) ?? DEFAULT_BATCH_INPUT.trainDays,
        evalDays: (d.evalDays as number | undefined) ?? DEFAULT_BATCH_INPUT.evalDays,
        ...(d.maxRounds !== undefined && { params: { maxRounds: d.maxRounds as number } }),
      };
    }
  }
  throw new Error(`batch-processing takes { trainDays?, evalDays?, maxRounds?: positive integers }, got ${JSON.stringify(data)}`);
}
