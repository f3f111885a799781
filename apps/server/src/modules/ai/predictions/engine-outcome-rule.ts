/**
 * The scoring rule of the models served here: the engine's own labelling (`labelFor`, the
 * one training used) under the θ of the model's artifact, which the registry row carries in
 * `params.theta` (one fraction per symbol). A symbol the model has no θ for is never scored.
 */
import { labelFor } from '../engine/index.js';
import type { OutcomeRule } from './score-predictions.js';

export const engineOutcomeRule: OutcomeRule = {
  thetaOf(params, symbol) {
    const theta = params.theta;
    if (!theta || typeof theta !== 'object') return undefined;
    const value = (theta as Record<string, unknown>)[symbol];
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
  },
  labelFor,
};
