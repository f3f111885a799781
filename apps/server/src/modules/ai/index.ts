import type { AppModule } from '../../kernel/module.js';
import { scorePredictionsEntryPoint } from './predictions/score-predictions-entry-point.js';
import { aiRoutes } from './routes.js';
import { assistantRoutes } from './assistant/assistant-routes.js';
import { engineOutcomeRule } from './predictions/engine-outcome-rule.js';
import { predictEntryPoint } from './predictions/predict-entry-point.js';
import { defaultModelEntryPoint } from './serving/default-model-entry-point.js';
import { batchProcessingEntryPoint } from './batch/batch-processing-entry-point.js';

export { insertPrediction, type NewPrediction } from './predictions/prediction-repository.js';
export { scorePredictions, defaultOutcomeRule, type OutcomeRule, type ScoreReport } from './predictions/score-predictions.js';
export { SCORE_PREDICTIONS_JOB } from './predictions/score-predictions-entry-point.js';
export { PREDICT_JOB } from './predictions/run-predict.js';
export { BATCH_PROCESSING_JOB } from './batch/run-batch-processing.js';
export { engineOutcomeRule } from './predictions/engine-outcome-rule.js';
export { ensureDefaultModel } from './serving/ensure-default-model.js';
export { insertCandidate, loadActiveModel, findModel, type ActiveModel, type NewModel } from './registry/model-repository.js';
export { promoteCandidate } from './registry/promote-candidate.js';
export { modelUnavailable, type UnavailableReason } from './model-unavailable.js';
export { decidePromotion, type PromotionDecision, type PromotionEvidence, type WindowScore } from './registry/decide-promotion.js';
export { computeTrackRecord, summarize as summarizeTrackRecord, type ScoredRow } from './track-record/compute-track-record.js';
export { scoredPredictions } from './predictions/prediction-repository.js';

/**
 * AI predictions: the model registry, live predictions, the stored predictions and their live
 * track record (api role); the jobs that predict at each closed bar and score predictions once
 * their horizon passed (worker role). Both roles register the committed default model when
 * no model is active.
 */
export const aiModule: AppModule = {
  name: 'ai',
  async routes(app, ctx) {
    await aiRoutes(app, ctx);
    await assistantRoutes(app, ctx);
  },
  entryPoints: {
    api: [defaultModelEntryPoint],
    worker: [defaultModelEntryPoint, scorePredictionsEntryPoint(engineOutcomeRule), predictEntryPoint, batchProcessingEntryPoint],
  },
};
