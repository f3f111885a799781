import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { Announcements } from '../kernel/announcements.js';
import type { AppModule, ModuleContext } from '../kernel/module.js';
import { Readiness, type Ports } from '../kernel/ports.js';
import { MODULES } from './modules.js';

/**
 * The context modules run in, with every module's listeners added to its announcements.
 * The HTTP app and the role entry points each get one; their listeners keep no state, so
 * two contexts over the same ports behave as one.
 */
export function moduleContext(
  base: { config: Config; ports: Ports; logger: Logger; readiness?: Readiness },
  modules: AppModule[] = MODULES,
): ModuleContext {
  const ctx: ModuleContext = { ...base, readiness: base.readiness ?? new Readiness(), announcements: new Announcements() };
  for (const module of modules) module.listen?.(ctx);
  return ctx;
}
