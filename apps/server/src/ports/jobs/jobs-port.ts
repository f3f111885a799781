import type { ManagedPort } from '../port-health.js';

export type JobsImpl = 'memory' | 'bullmq';
/** What a handler learns about the try it runs in. */
export interface JobAttempt {
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
}
export type JobHandler = (data: unknown, run: JobAttempt) => Promise<void>;

export interface JobRun {
  name: string;
  status: 'completed' | 'failed';
  attempts: number;
  finishedAt: number;
  error?: string;
}

/**
 * Named background jobs: one-off and repeating. A failed run is retried with
 * exponential backoff up to `attempts` times. With BullMQ, a repeating job runs once
 * per interval across all worker processes, not once per process.
 */
export interface JobsPort extends ManagedPort {
  readonly impl: JobsImpl;
  /** Registers the handler this process runs for `name` (worker role). */
  define(name: string, handler: JobHandler, options?: { attempts?: number; backoffMs?: number }): void;
  /** Runs `name` every `everyMs`; calling again with the same name replaces the schedule. */
  schedule(name: string, everyMs: number, data?: unknown): Promise<void>;
  /** Queues one run of `name`. */
  enqueue(name: string, data?: unknown): Promise<void>;
  /** Starts processing defined jobs in this process. */
  start(): Promise<void>;
  /** Most recent finished runs, newest first. */
  recentRuns(limit?: number): Promise<JobRun[]>;
}
