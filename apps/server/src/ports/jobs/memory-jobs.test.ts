import { describe } from 'vitest';
import { pino } from 'pino';
import { describeJobsPortContract } from './jobs-port.contract.js';
import { MemoryJobs } from './memory-jobs.js';

describe('MemoryJobs meets the jobs port contract', () => {
  describeJobsPortContract(() => new MemoryJobs(pino({ level: 'silent' })), 'memory');
});
