import type { BusPort } from '../ports/bus/bus-port.js';
import type { CachePort } from '../ports/cache/cache-port.js';
import type { DbPort } from '../ports/db/db-port.js';
import type { JobsPort } from '../ports/jobs/jobs-port.js';
import type { MarketSource } from '../ports/market/market-source.js';
import type { ManagedPort, PortHealth } from '../ports/port-health.js';

/** Everything the app talks to outside its own memory, each behind its port. */
export interface Ports {
  db: DbPort;
  cache: CachePort;
  bus: BusPort;
  jobs: JobsPort;
  market: MarketSource;
}

/**
 * Start-up work a port needs before it is usable (migrations applied, topics created).
 * Until it is done the port reports not ready, even when its connection is up.
 */
export class Readiness {
  private pending = new Map<string, string>();

  waitFor(port: string, what: string): void {
    this.pending.set(port, what);
  }

  done(port: string): void {
    this.pending.delete(port);
  }

  blocker(port: string): string | undefined {
    return this.pending.get(port);
  }
}

const HEALTH_TIMEOUT_MS = 2_000;

async function healthWithin(port: ManagedPort): Promise<PortHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PortHealth>((resolve) => {
    timer = setTimeout(() => resolve({ impl: port.impl, ok: false, error: `no answer within ${HEALTH_TIMEOUT_MS} ms` }), HEALTH_TIMEOUT_MS);
  });
  try {
    return await Promise.race([
      port.health().catch((e: unknown) => ({ impl: port.impl, ok: false, error: e instanceof Error ? e.message : String(e) })),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkPorts(ports: Record<string, ManagedPort>, readiness?: Readiness): Promise<Record<string, PortHealth>> {
  const entries = await Promise.all(
    Object.entries(ports).map(async ([name, port]) => {
      const health = await healthWithin(port);
      const blocker = readiness?.blocker(name);
      if (health.ok && blocker) return [name, { impl: health.impl, ok: false, error: blocker }] as const;
      return [name, health] as const;
    }),
  );
  return Object.fromEntries(entries);
}
