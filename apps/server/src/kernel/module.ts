import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config, Role } from '../config.js';
import type { Announcements } from './announcements.js';
import type { Ports, Readiness } from './ports.js';

export interface ModuleContext {
  config: Config;
  ports: Ports;
  logger: Logger;
  readiness: Readiness;
  /** How modules hear each other without importing each other (see `AppModule.listen`). */
  announcements: Announcements;
}

export interface RoleContext extends ModuleContext {
  signal: AbortSignal;
}

/** A running entry point (consumer, feed, scheduler); stopped on shutdown. */
export interface Running {
  stop(): Promise<void>;
}

export interface EntryPoint {
  name: string;
  start(ctx: RoleContext): Promise<Running>;
}

/**
 * A business area (accounts, market, trading, portfolio, ai) or a platform one (health, jobs). It contributes HTTP/WS routes
 * to processes with the api role and entry points to the other roles; main wires them.
 */
export interface AppModule {
  name: string;
  /** Registered under the api role (every role with `everyRole`), after the cross-cutting plugins. */
  routes?(app: FastifyInstance, ctx: ModuleContext): Promise<void>;
  /** Serve `routes` in every process whatever its roles (the health probes). */
  everyRole?: boolean;
  entryPoints?: Partial<Record<Role, EntryPoint[]>>;
  /** Adds this module's listeners to other modules' announcements, in every role. */
  listen?(ctx: ModuleContext): void;
}
