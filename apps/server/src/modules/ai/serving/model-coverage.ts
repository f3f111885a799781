/**
 * Which symbols a model can predict: those it has a θ for (the symbols it was trained on).
 * Another symbol's prediction could never be scored (its outcome needs that θ), so it is not
 * made at all: the API answers 404 SYMBOL_NOT_COVERED and the predict job skips the symbol.
 */
import { AppError } from '../../../kernel/app-error.js';
import type { ModelArtifact } from '../engine/index.js';

export function coversSymbol(artifact: Pick<ModelArtifact, 'theta'>, symbol: string): boolean {
  const theta = artifact.theta[symbol];
  return typeof theta === 'number' && Number.isFinite(theta) && theta >= 0;
}

export function notCovered(version: string, artifact: Pick<ModelArtifact, 'theta'>, symbol: string): AppError {
  const covered = Object.keys(artifact.theta).filter((s) => coversSymbol(artifact, s));
  return new AppError(
    'SYMBOL_NOT_COVERED',
    404,
    `The active model ${version} was trained for ${covered.join(', ')} only and makes no prediction for ${symbol}; ` +
      `a model trained with ${symbol}'s candles (the batch-processing job) will cover it.`,
  );
}
