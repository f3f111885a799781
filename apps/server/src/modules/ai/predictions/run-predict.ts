/**
 * The `predict` job: for every symbol, a prediction of the active model at the symbol's latest
 * closed bar, stored once per (model, symbol, bar): priceAt is that bar's close, resolveAt its
 * close plus the horizon. A re-run over the same bar (a second worker, a retry) adds nothing.
 * Only the latest bar is predicted: a bar missed while no worker ran is not predicted after
 * the fact, so every stored prediction was made before its outcome could be known.
 * Skipped, so no prediction is stored that could never be scored or was never current: a symbol
 * the model has no θ for (not trained on it), and a bar several bars older than now (the market
 * feed stopped; markets on the wall clock only).
 */
import type { Database } from '../../../ports/db/db-port.js';
import type { ActiveModelCache } from '../serving/active-model-cache.js';
import { intervalMs } from '../engine/index.js';
import { horizonLabel } from '../serving/horizon-label.js';
import { isStale } from '../serving/market-staleness.js';
import { coversSymbol } from '../serving/model-coverage.js';
import { predictLatest } from '../serving/predict-latest.js';
import { insertPredictionOnce } from './prediction-repository.js';

export const PREDICT_JOB = 'predict';

export interface PredictReport {
  model: string | null;
  stored: Array<{ symbol: string; bar: string; label: string }>;
  /** Already predicted by this model at that bar. */
  existing: string[];
  notEnoughCandles: string[];
  /** Symbols the model has no θ for. */
  notCovered: string[];
  /** Symbols whose latest closed bar is stale. */
  stale: string[];
}

export interface PredictDeps {
  db: Database;
  models: ActiveModelCache;
  symbols: readonly string[];
  now?: () => Date;
  /** Skip bars several bars older than now (false for a replayed market, whose bars carry the file's times). */
  checkStaleness?: boolean;
  signal?: AbortSignal | undefined;
}

export async function runPredict(deps: PredictDeps): Promise<PredictReport> {
  const model = await deps.models.get();
  const report: PredictReport = { model: model?.version ?? null, stored: [], existing: [], notEnoughCandles: [], notCovered: [], stale: [] };
  if (!model) return report;
  const horizon = horizonLabel(model.artifact);
  const ms = intervalMs(model.artifact.interval);
  for (const symbol of deps.symbols) {
    deps.signal?.throwIfAborted();
    if (!coversSymbol(model.artifact, symbol)) {
      report.notCovered.push(symbol);
      continue;
    }
    const p = await predictLatest(deps.db, model, symbol);
    if (!p) {
      report.notEnoughCandles.push(symbol);
      continue;
    }
    const now = deps.now?.() ?? new Date();
    if (deps.checkStaleness !== false && isStale(p.barCloseTime, ms, now.getTime())) {
      report.stale.push(symbol);
      continue;
    }
    const id = await insertPredictionOnce(deps.db, {
      modelVersion: model.version,
      symbol,
      horizon,
      label: p.label,
      probabilities: p.probabilities,
      priceAt: p.priceAt,
      generatedAt: now,
      resolveAt: new Date(p.resolveAt),
    });
    if (id === undefined) report.existing.push(symbol);
    else report.stored.push({ symbol, bar: new Date(p.barOpenTime).toISOString(), label: p.label });
  }
  return report;
}
