/**
 * The `predict` job: for every symbol, a prediction of the active model at the symbol's latest
 * closed bar, stored once per (model, symbol, bar): priceAt is that bar's close, resolveAt its
 * close plus the horizon. A re-run over the same bar (a second worker, a retry) adds nothing.
 * Only the latest bar is predicted: a bar missed while no worker ran is not predicted after
 * the fact, so every stored prediction was made before its outcome could be known.
 */
import type { Database } from '../../../ports/db/db-port.js';
import type { ActiveModelCache } from '../serving/active-model-cache.js';
import { horizonLabel } from '../serving/horizon-label.js';
import { predictLatest } from '../serving/predict-latest.js';
import { insertPredictionOnce } from './prediction-repository.js';

export const PREDICT_JOB = 'predict';

export interface PredictReport {
  model: string | null;
  stored: Array<{ symbol: string; bar: string; label: string }>;
  /** Already predicted by this model at that bar. */
  existing: string[];
  notEnoughCandles: string[];
}

export async function runPredict(deps: { db: Database; models: ActiveModelCache; symbols: readonly string[]; now?: () => Date; signal?: AbortSignal | undefined }): Promise<PredictReport> {
  const model = await deps.models.get();
  const report: PredictReport = { model: model?.version ?? null, stored: [], existing: [], notEnoughCandles: [] };
  if (!model) return report;
  const horizon = horizonLabel(model.artifact);
  for (const symbol of deps.symbols) {
    deps.signal?.throwIfAborted();
    const p = await predictLatest(deps.db, model, symbol);
    if (!p) {
      report.notEnoughCandles.push(symbol);
      continue;
    }
    const id = await insertPredictionOnce(deps.db, {
      modelVersion: model.version,
      symbol,
      horizon,
      label: p.label,
      probabilities: p.probabilities,
      priceAt: p.priceAt,
      generatedAt: deps.now?.() ?? new Date(),
      resolveAt: new Date(p.resolveAt),
    });
    if (id === undefined) report.existing.push(symbol);
    else report.stored.push({ symbol, bar: new Date(p.barOpenTime).toISOString(), label: p.label });
  }
  return report;
}
