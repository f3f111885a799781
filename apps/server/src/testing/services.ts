/**
 * Which real services the service-backed suites can use.
 *
 * Locally without services, those suites skip and say why. Under CI=true a missing or
 * unreachable service is a failure, not a skip: CI must prove the real implementations.
 */
import net from 'node:net';
import { randomBytes } from 'node:crypto';

export type ServiceName = 'postgres' | 'redis' | 'kafka';

const ENV_VAR: Record<ServiceName, string> = {
  postgres: 'DATABASE_URL',
  redis: 'REDIS_URL',
  kafka: 'KAFKA_BROKERS',
};

export interface ServiceAvailability {
  name: ServiceName;
  /** The connection string / broker list, when usable. */
  url: string | undefined;
  /** Why the service-backed suite is skipped (undefined when available). */
  skipReason: string | undefined;
}

/** One id per test process, used to name databases, key prefixes and topics. */
export const RUN_ID = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

const isCi = () => process.env.CI === 'true' || process.env.CI === '1';

/**
 * The one guard of every suite that needs something outside the repo (a service, a browser):
 * under CI a missing one is a failure, since CI must prove the real thing; locally the suite
 * skips and says why. Returns the reason to skip with.
 */
export function unavailable(suite: string, reason: string): string {
  if (isCi()) throw new Error(`CI is set but ${suite} cannot run: ${reason}. CI must run the ${suite} suites.`);
  console.warn(`[skip] ${suite} tests: ${reason}`);
  return reason;
}

function hostPortOf(name: ServiceName, url: string): { host: string; port: number } {
  if (name === 'kafka') {
    const [first] = url.split(',');
    const [host, port] = (first ?? '').trim().split(':');
    return { host: host || '127.0.0.1', port: Number(port || 9092) };
  }
  const u = new URL(url);
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || (name === 'postgres' ? 5432 : 6379)) };
}

function canConnect(host: string, port: number, timeoutMs = 1500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

const cache = new Map<ServiceName, Promise<ServiceAvailability>>();

export function service(name: ServiceName): Promise<ServiceAvailability> {
  let found = cache.get(name);
  if (!found) {
    found = probe(name);
    cache.set(name, found);
  }
  return found;
}

async function probe(name: ServiceName): Promise<ServiceAvailability> {
  const envVar = ENV_VAR[name];
  const url = process.env[envVar];
  let skipReason: string | undefined;
  if (!url) {
    skipReason = `${envVar} is not set (run \`npm run services:up\` and export what it prints)`;
  } else {
    const { host, port } = hostPortOf(name, url);
    if (!(await canConnect(host, port))) skipReason = `${name} at ${host}:${port} (${envVar}) is not reachable`;
  }
  if (skipReason) unavailable(`${name}-backed`, skipReason);
  return { name, url: skipReason ? undefined : url, skipReason };
}
