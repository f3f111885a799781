import type { AppModule, RoleContext, Running } from '../kernel/module.js';

/** Starts, in module order, the entry points of every role this process has. */
export async function startRoles(ctx: RoleContext, modules: AppModule[]): Promise<Running[]> {
  const running: Running[] = [];
  for (const role of ctx.config.roles) {
    for (const module of modules) {
      for (const entry of module.entryPoints?.[role] ?? []) {
        ctx.logger.info({ role, module: module.name, entry: entry.name }, 'starting entry point');
        running.push(await entry.start(ctx));
      }
    }
  }
  return running;
}
