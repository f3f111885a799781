/**
 * Jobs on BullMQ: one Queue (any role may enqueue or schedule) and, after start(), one
 * Worker (worker role). Repeating jobs are BullMQ job schedulers, stored in Redis under the
 * job's name, so every process upserting the same schedule shares one timer and each run
 * happens once across all workers. Attempts and backoff travel with each job, so they
 * come from define() in the process that enqueues (the defaults otherwise).
 */
import { Queue, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Logger } from 'pino';
import { RedisLink } from '../cache/redis-connection.js';
import type { PortHealth } from '../port-health.js';
import type { JobHandler, JobRun, JobsPort } from './jobs-port.js';
import { errorText, jobOptions, missingHandler, RUN_HISTORY, type JobOptions } from './job-defaults.js';

const QUEUE_NAME = 'jobs';

export interface BullmqJobsOptions {
  url: string;
  /** The cache's key prefix; BullMQ keys live under `<prefix>:bull:jobs:*`. */
  keyPrefix: string;
  logger: Logger;
  /** Jobs one worker runs at once; default 4. */
  concurrency?: number;
}

interface Definition extends JobOptions {
  handler: JobHandler;
}

export class BullmqJobs implements JobsPort {
  readonly impl = 'bullmq' as const;
  private readonly definitions = new Map<string, Definition>();
  private readonly prefix: string;
  private readonly queueLink: RedisLink;
  private readonly queue: Queue;
  private workerLink: RedisLink | undefined;
  private worker: Worker | undefined;
  private lastWarning = { text: '', at: 0 };

  constructor(private readonly options: BullmqJobsOptions) {
    const base = options.keyPrefix.endsWith(':') ? options.keyPrefix : `${options.keyPrefix}:`;
    this.prefix = `${base}bull`;
    // Enqueueing must fail fast during an outage, like any cache call.
    this.queueLink = new RedisLink({ url: options.url, name: `${this.prefix}:queue`, logger: options.logger });
    this.queue = new Queue(QUEUE_NAME, { connection: this.queueLink.client, prefix: this.prefix });
    this.queue.on('error', (err) => this.warn('job queue error', err));
  }

  define(name: string, handler: JobHandler, options?: { attempts?: number; backoffMs?: number }): void {
    this.definitions.set(name, { handler, ...jobOptions(options) });
  }

  async schedule(name: string, everyMs: number, data?: unknown): Promise<void> {
    if (!(everyMs > 0)) throw new Error(`everyMs must be positive, got ${everyMs}`);
    await this.queueLink.whenReady();
    await this.queue.upsertJobScheduler(name, { every: everyMs }, { name, data, opts: this.jobOpts(name) });
  }

  async enqueue(name: string, data?: unknown): Promise<void> {
    await this.queueLink.whenReady();
    await this.queue.add(name, data, this.jobOpts(name));
  }

  async start(): Promise<void> {
    if (this.worker) return;
    // BullMQ's blocking commands need a connection that retries forever, queues while
    // offline and never times out; BullMQ itself re-runs what a reconnect interrupted.
    this.workerLink = new RedisLink({
      url: this.options.url,
      name: `${this.prefix}:worker`,
      logger: this.options.logger,
      maxRetriesPerRequest: null,
      commandTimeoutMs: null,
      offlineQueue: true,
    });
    this.worker = new Worker(QUEUE_NAME, (job) => this.process(job), {
      connection: this.workerLink.client,
      prefix: this.prefix,
      concurrency: this.options.concurrency ?? 4,
    });
    this.worker.on('error', (err) => this.warn('job worker error', err));
    this.worker.on('failed', (job, err) => {
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        this.options.logger.warn({ job: job.name, attempts: job.attemptsMade, err: errorText(err) }, 'job failed after its last attempt');
      }
    });
  }

  async recentRuns(limit = 20): Promise<JobRun[]> {
    await this.queueLink.whenReady();
    // Newest first within each set (sorted sets scored by finish time), then merged.
    const [completed, failed] = await Promise.all([
      this.queue.getJobs('completed', 0, limit - 1, false),
      this.queue.getJobs('failed', 0, limit - 1, false),
    ]);
    return [...completed.map((job) => toRun(job, 'completed')), ...failed.map((job) => toRun(job, 'failed'))]
      .filter((run): run is JobRun => run !== undefined)
      .sort((a, b) => b.finishedAt - a.finishedAt)
      .slice(0, limit);
  }

  health(): Promise<PortHealth> {
    return this.queueLink.health(this.impl);
  }

  /** Lets running jobs finish (unless Redis is gone), then closes worker, queue and connections. */
  async close(): Promise<void> {
    const healthy = (await this.health()).ok;
    await this.worker?.close(!healthy);
    await this.queue.close();
    await Promise.all([this.queueLink.close(), this.workerLink?.close()]);
  }

  private async process(job: Job): Promise<void> {
    const definition = this.definitions.get(job.name);
    if (!definition) throw missingHandler(job.name);
    // attemptsMade counts the tries that already failed.
    await definition.handler(job.data, { attempt: job.attemptsMade + 1 });
  }

  private jobOpts(name: string): JobsOptions {
    const { attempts, backoffMs } = this.definitions.get(name) ?? jobOptions();
    return {
      attempts,
      backoff: { type: 'exponential', delay: backoffMs },
      removeOnComplete: { count: RUN_HISTORY },
      removeOnFail: { count: RUN_HISTORY },
    };
  }

  /** BullMQ repeats the same connection error on every retry; say it once a minute. */
  private warn(message: string, err: unknown): void {
    const text = errorText(err);
    const now = Date.now();
    if (text === this.lastWarning.text && now - this.lastWarning.at < 60_000) return;
    this.lastWarning = { text, at: now };
    this.options.logger.warn({ err: text }, message);
  }
}

function toRun(job: Job | undefined, status: JobRun['status']): JobRun | undefined {
  // A job removed between the index read and the fetch comes back empty.
  if (!job?.finishedOn) return undefined;
  const run: JobRun = { name: job.name, status, attempts: job.attemptsMade, finishedAt: job.finishedOn };
  if (status === 'failed') run.error = job.failedReason;
  return run;
}
