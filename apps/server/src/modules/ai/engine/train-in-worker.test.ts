/**
 * Training on a worker thread: the calling thread's event loop keeps turning while libxgboost
 * trains (timers fire throughout, not only after), errors come back with their class, and an
 * aborted signal stops the run.
 */
import { describe, expect, it } from 'vitest';
import { prepareSeries } from './dataset.js';
import { syntheticCandles } from './synthetic-candles.js';
import { LIBXGBOOST_INSTALL_HINT, XGBoostUnavailableError, findLibXGBoost } from './xgboost-native.js';
import { trainFromSeriesInWorker, trainModelInWorker } from './train-in-worker.js';
import { parseModelArtifact, serializeModelArtifact } from './model-artifact.js';

const H = 3_600_000;
const START = Date.UTC(2024, 0, 1);
const symbols = [
  { symbol: 'BTCUSDT', candles: syntheticCandles(24 * 120, { seed: 1, start: START, price: 40_000 }) },
  { symbol: 'ETHUSDT', candles: syntheticCandles(24 * 120, { seed: 2, start: START, price: 2_000 }) },
];
const series = prepareSeries(symbols, { interval: '1h', horizon: 1 });
// Enough rounds (no early stop) that the run lasts many event-loop turns.
const params = { maxRounds: 150, earlyStoppingRounds: 1_000, maxDepth: 6, minChildWeight: 1 };
const noLib = findLibXGBoost() === undefined ? 'libxgboost is not installed (apt-get install libxgboost0)' : undefined;

/** Counts turns of this thread's event loop and the longest gap between two turns, until stopped. */
function loopWatch() {
  let turns = 0;
  let longestGap = 0;
  let last = performance.now();
  let running = true;
  const tick = () => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    turns += 1;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  return {
    stop: () => {
      running = false;
      return { turns, longestGap };
    },
  };
}

describe('training on a worker thread', () => {
  it.skipIf(noLib)('when a model trains, then the event loop of the calling thread keeps turning throughout and the artifact comes back intact', async () => {
    const t0 = performance.now();
    const watch = loopWatch();
    let progress = 0;
    const result = await trainFromSeriesInWorker(series, { interval: '1h', horizon: 1, window: { labelBy: START + 24 * 120 * H }, params }, { onProgress: () => (progress += 1) });
    const { turns, longestGap } = watch.stop();
    const trainingMs = performance.now() - t0;
    expect(result.artifact.metrics.rounds).toBe(params.maxRounds);
    expect(parseModelArtifact(serializeModelArtifact(result.artifact)).booster).toBe(result.artifact.booster);
    expect(progress, 'progress is reported from the worker').toBeGreaterThanOrEqual(params.maxRounds);
    // On the calling thread, no timer could fire until training returned: one gap as long as the training.
    expect(turns, `${turns} loop turns in ${trainingMs.toFixed(0)} ms of training`).toBeGreaterThanOrEqual(20);
    expect(longestGap, `the longest stall (${longestGap.toFixed(0)} ms) is a small part of the training (${trainingMs.toFixed(0)} ms)`).toBeLessThan(trainingMs / 4);
  });

  it.skipIf(noLib)('when the signal aborts during training, then the promise rejects with its reason at once and the worker stops', async () => {
    const abort = new AbortController();
    let rounds = 0;
    const run = trainFromSeriesInWorker(series, { interval: '1h', horizon: 1, window: { labelBy: START + 24 * 120 * H }, params: { ...params, maxRounds: 100_000 } }, {
      signal: abort.signal,
      onProgress: () => {
        rounds += 1;
        if (rounds === 3) abort.abort(new Error('shutting down'));
      },
    });
    await expect(run).rejects.toThrow('shutting down');
    expect(rounds, 'it answers at the stop, not when 100,000 rounds are done').toBeLessThan(10);
  });

  it('when libxgboost cannot be loaded in the worker, then the error comes back as XGBoostUnavailableError with the install command', async () => {
    const run = trainModelInWorker({ symbols, interval: '1h', horizon: 1, libraryPath: '/nonexistent/libxgboost.so' });
    const err = await run.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(XGBoostUnavailableError);
    expect((err as Error).message).toContain(LIBXGBOOST_INSTALL_HINT);
  });

  it('when the signal is already aborted, then no worker starts and the promise rejects with the reason', async () => {
    await expect(trainModelInWorker({ symbols }, { signal: AbortSignal.abort(new Error('stopped before')) })).rejects.toThrow('stopped before');
  });
});
