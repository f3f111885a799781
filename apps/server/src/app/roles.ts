import type { Logger } from 'pino';
import type { Config, Role } from '../config.js';
import type { Ports, Readiness } from './ports.js';

export interface RoleContext {
  config: Config;
  ports: Ports;
  logger: Logger;
  readiness: Readiness;
  signal: AbortSignal;
}

/** A running entry point (consumer, scheduler, feed); stopped on shutdown. */
export interface Running {
  stop(): Promise<void>;
}

export type EntryPoint = (ctx: RoleContext) => Promise<Running>;

/**
 * What each role runs besides HTTP. Business modules add their entry points here
 * (market ingest, projector consumers, matcher, scheduled jobs).
 */
export const ENTRY_POINTS: Record<Role, Array<{ name: string; start: EntryPoint }>> = {
  api: [],
  ingest: [],
  projector: [],
  worker: [
    {
      name: 'job-runner',
      start: async ({ ports }) => {
        await ports.jobs.start();
        return { stop: () => ports.jobs.close() };
      },
    },
  ],
};

export async function startRoles(ctx: RoleContext): Promise<Running[]> {
  const running: Running[] = [];
  for (const role of ctx.config.roles) {
    for (const entry of ENTRY_POINTS[role]) {
      ctx.logger.info({ role, entry: entry.name }, 'starting entry point');
      running.push(await entry.start(ctx));
    }
  }
  return running;
}
