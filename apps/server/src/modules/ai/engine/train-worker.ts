/**
 * The body of a training worker thread (see train-in-worker.ts): runs one training with
 * libxgboost off the main thread, reports progress, and posts the artifact or the error.
 * A shared flag set by the main thread stops it between boosting rounds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { trainFromSeries, trainModel, type TrainModelInput, type TrainSeriesOptions } from './train-model.js';
import type { PreparedSeries } from './dataset.js';

export type TrainJob =
  | { kind: 'model'; input: Omit<TrainModelInput, 'onProgress' | 'shouldStop'> }
  | { kind: 'series'; series: readonly PreparedSeries[]; options: Omit<TrainSeriesOptions, 'onProgress' | 'shouldStop'> };

export type TrainWorkerMessage =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; name: string; message: string; stack: string | undefined };

const { job, stopFlag } = workerData as { job: TrainJob; stopFlag: SharedArrayBuffer };
const flag = new Int32Array(stopFlag);
const post = (m: TrainWorkerMessage) => parentPort!.postMessage(m);
const common = {
  onProgress: (done: number, total: number, label: string) => post({ type: 'progress', done, total, label }),
  shouldStop: () => Atomics.load(flag, 0) === 1,
};

try {
  const value = job.kind === 'model' ? trainModel({ ...job.input, ...common }) : trainFromSeries(job.series, { ...job.options, ...common });
  post({ type: 'result', value });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  post({ type: 'error', name: err.name, message: err.message, stack: err.stack });
}
