import { backoffDelay } from '../../kernel/retry-with-backoff.js';

/** Exponential backoff with jitter for redelivery and reconnects. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 200, maxMs: 10_000 };

export class RetryBackoff {
  #attempt = 0;

  constructor(private readonly options: BackoffOptions = DEFAULT_BACKOFF) {}

  /** Delay before the next attempt; grows until reset() after a success. */
  next(): number {
    this.#attempt += 1;
    // Jitter keeps a fleet of consumers from reconnecting in lockstep after a broker restart.
    return backoffDelay(this.#attempt, this.options.initialMs, this.options.maxMs);
  }

  reset(): void {
    this.#attempt = 0;
  }
}

/** A sleep that ends early when the signal aborts (close() must not wait out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
