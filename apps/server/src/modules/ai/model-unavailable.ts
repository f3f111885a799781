/**
 * The 503 a prediction answers while it cannot be made: no active model yet (training or
 * import still to come) or not enough closed candles for the features. Retry-After tells a
 * client when asking again is worth it.
 */
import { AppError } from '../../kernel/app-error.js';

export type UnavailableReason = 'no-active-model' | 'not-enough-candles';

const MESSAGES: Record<UnavailableReason, string> = {
  'no-active-model': 'No model is active yet; predictions start once one is trained or imported.',
  'not-enough-candles': 'Not enough closed candles yet to compute the features for this symbol.',
};

export function modelUnavailable(reason: UnavailableReason, retryAfterSeconds = 60): AppError {
  return new AppError('MODEL_UNAVAILABLE', 503, MESSAGES[reason], undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
}
