/**
 * Training on a worker thread: libxgboost's calls are synchronous and take seconds to minutes,
 * so on the calling thread they would stall every timer, request and job of the process (in
 * embedded mode the API too). Here the main thread only waits for a message.
 *
 * Stopping (an aborted signal: shutdown, a cancelled job) sets a shared flag the worker reads
 * between boosting rounds, so it frees its native handles and ends; a worker that does not end
 * within the grace period is terminated. Errors come back with their name and message
 * (XGBoostUnavailableError keeps its class and install hint).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PreparedSeries } from './dataset.js';
import { TrainingStoppedError, type ProgressFn, type TrainModelInput, type TrainModelResult, type TrainSeriesOptions, type TrainSeriesResult } from './train-model.js';
import type { TrainJob, TrainWorkerMessage } from './train-worker.js';
import { XGBoostUnavailableError } from './xgboost-native.js';

const STOP_GRACE_MS = 10_000;

export interface WorkerControls {
  signal?: AbortSignal | undefined;
  onProgress?: ProgressFn | undefined;
}

/** trainModel (CLI `train`) on a worker thread. */
export function trainModelInWorker(input: Omit<TrainModelInput, 'onProgress' | 'shouldStop'>, controls: WorkerControls = {}): Promise<TrainModelResult> {
  return runTrainWorker({ kind: 'model', input }, controls) as Promise<TrainModelResult>;
}

/** trainFromSeries (the batch-processing job) on a worker thread. */
export function trainFromSeriesInWorker(
  series: readonly PreparedSeries[],
  options: Omit<TrainSeriesOptions, 'onProgress' | 'shouldStop'>,
  controls: WorkerControls = {},
): Promise<TrainSeriesResult> {
  return runTrainWorker({ kind: 'series', series, options }, controls) as Promise<TrainSeriesResult>;
}

/** The compiled worker beside this module, or (running from sources) its TypeScript through tsx. */
function workerEntry(): { url: URL; execArgv: string[] | undefined } {
  const js = new URL('./train-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { url: js, execArgv: undefined };
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return { url: new URL('./train-worker.ts', import.meta.url), execArgv: ['--import', tsx] };
}

function runTrainWorker(job: TrainJob, controls: WorkerControls): Promise<unknown> {
  const { signal, onProgress } = controls;
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  const stopFlag = new SharedArrayBuffer(4);
  const { url, execArgv } = workerEntry();
  const worker = new Worker(url, { workerData: { job, stopFlag }, ...(execArgv && { execArgv }) });
  return new Promise((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const settle = (f: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      f();
    };
    const onAbort = () => {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
      killTimer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
      killTimer.unref();
      settle(() => reject(signal!.reason as Error));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (m: TrainWorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.done, m.total, m.label);
      else if (m.type === 'result') settle(() => resolve(m.value));
      else settle(() => reject(rebuildError(m)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => {
      if (killTimer) clearTimeout(killTimer);
      settle(() => reject(new Error(`the training worker exited (code ${code}) before it answered`)));
    });
  });
}

function rebuildError(m: Extract<TrainWorkerMessage, { type: 'error' }>): Error {
  let err: Error;
  if (m.name === 'XGBoostUnavailableError') {
    err = new XGBoostUnavailableError();
    err.message = m.message;
  } else if (m.name === 'TrainingStoppedError') {
    err = new TrainingStoppedError();
  } else {
    err = new Error(m.message);
    err.name = m.name;
  }
  if (m.stack) err.stack = m.stack;
  return err;
}
