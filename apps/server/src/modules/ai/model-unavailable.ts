/**
 * The 503 a prediction answers while it cannot be made: no active model yet (training or
 * import still to come), not enough closed candles for the features, or market data that
 * stopped arriving (the latest closed bar is several bars old: a prediction from it would be
 * about a bar long gone). Retry-After tells a client when asking again is worth it.
 */
import { AppError } from '../../kernel/app-error.js';

export type UnavailableReason = 'no-active-model' | 'not-enough-candles';

const MESSAGES: Record<UnavailableReason, string> = {
  'no-active-model': 'No model is active yet; predictions start once one is trained or imported.',
  'not-enough-candles': 'Not enough closed candles yet to compute the features for this symbol.',
};

export function modelUnavailable(reason: UnavailableReason, retryAfterSeconds = 60): AppError {
  return unavailable(MESSAGES[reason], retryAfterSeconds);
}

/** The latest closed bar closed at `barCloseTime`, `ageBars` bars before now. */
export function staleMarket(symbol: string, interval: string, barCloseTime: number, ageBars: number): AppError {
  return unavailable(
    `The latest closed ${interval} bar of ${symbol} closed at ${new Date(barCloseTime).toISOString()}, ${Math.floor(ageBars)} bars ago: ` +
      'market data has stopped arriving (the exchange may be unreachable), so no current prediction can be made.',
    60,
  );
}

function unavailable(detail: string, retryAfterSeconds: number): AppError {
  return new AppError('MODEL_UNAVAILABLE', 503, detail, undefined, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) });
}
