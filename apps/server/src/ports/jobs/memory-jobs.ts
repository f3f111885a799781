/**
 * In-process jobs for the embedded run mode, with BullMQ's observable behaviour: a
 * schedule runs once right away and then every `everyMs`, data goes through JSON, a failed
 * run is retried after `backoffMs * 2^(attempt-1)`, and jobs queued before start() wait
 * for it. A schedule tick is skipped while the previous run of it is still going, so a
 * slow job cannot pile up copies of itself.
 */
import type { Logger } from 'pino';
import type { PortHealth } from '../port-health.js';
import type { JobHandler, JobRun, JobsPort } from './jobs-port.js';
import { errorText, jobOptions, missingHandler, RUN_HISTORY, type JobOptions } from './job-defaults.js';

interface Definition extends JobOptions {
  handler: JobHandler;
}

interface Schedule {
  everyMs: number;
  data: unknown;
  timer?: NodeJS.Timeout;
  busy: boolean;
}

export class MemoryJobs implements JobsPort {
  readonly impl = 'memory' as const;
  private readonly definitions = new Map<string, Definition>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly queued: Array<{ name: string; data: unknown }> = [];
  private readonly running = new Set<Promise<void>>();
  private readonly cancelWaits = new Set<() => void>();
  private readonly runs: JobRun[] = [];
  private started = false;
  private closed = false;

  constructor(private readonly logger?: Logger) {}

  define(name: string, handler: JobHandler, options?: { attempts?: number; backoffMs?: number }): void {
    this.definitions.set(name, { handler, ...jobOptions(options) });
  }

  async schedule(name: string, everyMs: number, data?: unknown): Promise<void> {
    this.assertOpen();
    if (!(everyMs > 0)) throw new Error(`everyMs must be positive, got ${everyMs}`);
    clearInterval(this.schedules.get(name)?.timer);
    const schedule: Schedule = { everyMs, data: toJson(data), busy: false };
    this.schedules.set(name, schedule);
    if (this.started) this.arm(name, schedule);
  }

  async enqueue(name: string, data?: unknown): Promise<void> {
    this.assertOpen();
    if (this.started) this.track(this.execute(name, toJson(data)));
    else this.queued.push({ name, data: toJson(data) });
  }

  async start(): Promise<void> {
    this.assertOpen();
    if (this.started) return;
    this.started = true;
    for (const [name, schedule] of this.schedules) this.arm(name, schedule);
    for (const { name, data } of this.queued.splice(0)) this.track(this.execute(name, data));
  }

  async recentRuns(limit = 20): Promise<JobRun[]> {
    return this.runs.slice(0, limit).map((run) => ({ ...run }));
  }

  async health(): Promise<PortHealth> {
    return this.closed ? { impl: this.impl, ok: false, error: 'closed' } : { impl: this.impl, ok: true };
  }

  /** Stops all timers and pending retries, then waits for handlers already running. */
  async close(): Promise<void> {
    this.closed = true;
    for (const schedule of this.schedules.values()) clearInterval(schedule.timer);
    for (const cancel of this.cancelWaits) cancel();
    await Promise.allSettled([...this.running]);
  }

  private arm(name: string, schedule: Schedule): void {
    const tick = () => {
      if (schedule.busy || this.closed) return;
      schedule.busy = true;
      this.track(this.execute(name, schedule.data).finally(() => (schedule.busy = false)));
    };
    schedule.timer = setInterval(tick, schedule.everyMs);
    tick();
  }

  private async execute(name: string, data: unknown): Promise<void> {
    const definition = this.definitions.get(name);
    const { attempts, backoffMs } = definition ?? jobOptions();
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        if (!definition) throw missingHandler(name);
        await definition.handler(data, { attempt });
        this.record({ name, status: 'completed', attempts: attempt, finishedAt: Date.now() });
        return;
      } catch (err) {
        const error = errorText(err);
        if (attempt === attempts) {
          this.logger?.warn({ job: name, attempts, err: error }, 'job failed after its last attempt');
          this.record({ name, status: 'failed', attempts: attempt, finishedAt: Date.now(), error });
          return;
        }
        if (!(await this.wait(backoffMs * 2 ** (attempt - 1)))) return;
      }
    }
  }

  /** Resolves true after `ms`, or false at once when the port closes meanwhile. */
  private wait(ms: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const cancel = () => {
        clearTimeout(timer);
        this.cancelWaits.delete(cancel);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.cancelWaits.delete(cancel);
        resolve(true);
      }, ms);
      this.cancelWaits.add(cancel);
    });
  }

  private track(run: Promise<void>): void {
    this.running.add(run);
    void run.finally(() => this.running.delete(run)).catch(() => undefined);
  }

  private record(run: JobRun): void {
    this.runs.unshift(run);
    if (this.runs.length > RUN_HISTORY) this.runs.length = RUN_HISTORY;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('jobs port is closed');
  }
}

/** Data crosses a serialisation boundary in BullMQ; doing the same here keeps handlers honest. */
function toJson(data: unknown): unknown {
  return data === undefined ? undefined : JSON.parse(JSON.stringify(data));
}
