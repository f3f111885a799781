/**
 * `POST /api/ai/predict`: the active model's prediction at the symbol's latest closed bar, with
 * the short track record of that model on that symbol (the stored predictions scored so far,
 * beside the baselines over the same predictions).
 */
import type { PredictResponse } from '@cryptosim/contracts';
import { modelUnavailable } from '../model-unavailable.js';
import type { ActiveModelCache } from './active-model-cache.js';
import { horizonLabel } from './horizon-label.js';
import type { PredictionMemo } from './prediction-memo.js';

export async function predictNow(models: ActiveModelCache, memo: PredictionMemo, symbol: string, now = new Date()): Promise<PredictResponse> {
  const model = await models.get();
  if (!model) throw modelUnavailable('no-active-model');
  const [p, trackRecord] = await Promise.all([memo.prediction(model, symbol), memo.summary(model.version, symbol)]);
  if (!p) throw modelUnavailable('not-enough-candles', 3_600);
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
