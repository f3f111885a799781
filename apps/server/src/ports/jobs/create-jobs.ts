import type { Logger } from 'pino';
import { BullmqJobs } from './bullmq-jobs.js';
import type { JobsPort } from './jobs-port.js';
import { MemoryJobs } from './memory-jobs.js';

export interface CreateJobsOptions {
  /** BullMQ on this Redis when given; the in-process scheduler otherwise (embedded run mode). */
  redisUrl?: string;
  /** Same prefix as the cache; BullMQ's keys go under `<keyPrefix>:bull:`. */
  keyPrefix: string;
  logger: Logger;
}

/** Never throws for an unreachable Redis: health() reports it and BullMQ reconnects. */
export function createJobs({ redisUrl, keyPrefix, logger }: CreateJobsOptions): JobsPort {
  if (redisUrl) return new BullmqJobs({ url: redisUrl, keyPrefix, logger });
  return new MemoryJobs(logger);
}
