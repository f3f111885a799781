export interface RetryOptions {
  /** First delay; doubled after each failure up to maxMs, with ±25 % jitter. */
  baseMs?: number;
  maxMs?: number;
  /** Give up after this many attempts; omit to keep trying until `signal` aborts. */
  attempts?: number;
  signal?: AbortSignal;
  /** Errors for which waiting cannot help are thrown at once. Default: retry everything. */
  retryable?: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.75 + random() * 0.5));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Runs `fn` until it succeeds: for temporary faults (database, broker, cache not up yet). */
export async function retryWithBackoff<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { baseMs = 250, maxMs = 10_000, attempts, signal, retryable = () => true, onRetry } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (!retryable(error) || (attempts !== undefined && attempt >= attempts)) throw error;
      const delay = backoffDelay(attempt, baseMs, maxMs);
      onRetry?.(error, attempt, delay);
      await sleep(delay, signal);
    }
  }
}
