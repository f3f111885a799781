/**
 * `POST /api/ai/predict`: the active model's prediction at the symbol's latest closed bar, with
 * the short track record of that model on that symbol (the stored predictions scored so far,
 * beside the baselines over the same predictions).
 */
import type { PredictResponse } from '@cryptosim/contracts';
import { intervalMs } from '../engine/index.js';
import { modelUnavailable, staleMarket } from '../model-unavailable.js';
import type { ActiveModelCache } from './active-model-cache.js';
import { horizonLabel } from './horizon-label.js';
import { barAgeInBars, isStale } from './market-staleness.js';
import { coversSymbol, notCovered } from './model-coverage.js';
import type { PredictionMemo } from './prediction-memo.js';

export interface PredictNowOptions {
  now?: Date;
  /** Refuse a prediction whose latest closed bar is several bars older than `now` (markets on the wall clock). */
  checkStaleness?: boolean;
}

export async function predictNow(models: ActiveModelCache, memo: PredictionMemo, symbol: string, options: PredictNowOptions = {}): Promise<PredictResponse> {
  const now = options.now ?? new Date();
  const model = await models.get();
  if (!model) throw modelUnavailable('no-active-model');
  if (!coversSymbol(model.artifact, symbol)) throw notCovered(model.version, model.artifact, symbol);
  const [p, trackRecord] = await Promise.all([memo.prediction(model, symbol), memo.summary(model.version, symbol)]);
  if (!p) throw modelUnavailable('not-enough-candles', 3_600);
  const ms = intervalMs(model.artifact.interval);
  if (options.checkStaleness !== false && isStale(p.barCloseTime, ms, now.getTime())) {
    throw staleMarket(symbol, model.artifact.interval, p.barCloseTime, barAgeInBars(p.barCloseTime, ms, now.getTime()));
  }
  return {
    symbol,
    horizon: horizonLabel(model.artifact) as PredictResponse['horizon'],
    label: p.label,
    probabilities: p.probabilities,
    modelVersion: model.version,
    generatedAt: now.toISOString(),
    trackRecord,
  };
}
