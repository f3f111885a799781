import { ApiError } from '@/lib/api';

export const REFRESH_MS = 60_000;
const MIN_WAIT_MS = 5_000;
const MAX_WAIT_MS = 5 * 60_000;

/** 503 MODEL_UNAVAILABLE: no active model yet, or not enough candles for the symbol. */
export function isModelUnavailable(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 503 && error.code === 'MODEL_UNAVAILABLE';
}

/** 404 SYMBOL_NOT_COVERED: the active model was not trained on the symbol (no θ for it). */
export function isSymbolNotCovered(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 404 && error.code === 'SYMBOL_NOT_COVERED';
}

/**
 * How long to wait before asking again: the server's Retry-After while no model answers
 * (kept within 5 s … 5 min, so a wild header neither hammers the server nor stalls the panel),
 * otherwise once a minute — a 1h prediction only changes when a new bar closes.
 */
export function nextRefreshMs(error: unknown): number {
  if (isModelUnavailable(error) && error.retryAfterSeconds !== undefined) {
    return Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, error.retryAfterSeconds * 1000));
  }
  return REFRESH_MS;
}

/** One retry for a network blip; a 4xx or a 503 is an answer, and the interval asks again. */
export function retryOnce(failures: number, error: unknown): boolean {
  return failures < 1 && !(error instanceof ApiError && error.status >= 400);
}
