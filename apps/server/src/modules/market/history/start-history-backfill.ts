/**
 * Runs the first-start history backfill in the background of the projector role: start-up
 * does not wait for it, a failure (exchange or database not reachable yet) is retried with
 * backoff, and stopping the process abandons it cleanly.
 */
import type { Logger } from 'pino';
import type { Running } from '../../../kernel/module.js';
import { retryWithBackoff } from '../../../kernel/retry-with-backoff.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { backfillHistory, type HistorySource } from './backfill-history.js';

export interface HistoryBackfillJob extends Running {
  /** Settles when the backfill has finished (or was stopped). */
  readonly done: Promise<void>;
}

export function startHistoryBackfill(db: DbPort, source: HistorySource, symbols: readonly string[], logger: Logger): HistoryBackfillJob {
  const abort = new AbortController();
  const log = logger.child({ component: 'history-backfill' });
  const began = performance.now();
  const done = retryWithBackoff(() => backfillHistory({ db, source, symbols, logger: log, signal: abort.signal, coarse: true }), {
    signal: abort.signal,
    baseMs: 1_000,
    maxMs: 60_000,
    onRetry: (err, attempt, delayMs) => log.warn({ err, attempt, delayMs }, 'history backfill failed; retrying'),
  }).then(
    (reports) => {
      const inserted = reports.reduce((n, r) => n + r.inserted, 0);
      log.info({ symbols: reports.length, inserted, ms: Math.round(performance.now() - began) }, 'candle history complete');
    },
    (err: unknown) => {
      if (!abort.signal.aborted) log.error({ err }, 'history backfill gave up');
    },
  );
  return {
    done,
    async stop() {
      abort.abort(new Error('stopping'));
      await done;
    },
  };
}
