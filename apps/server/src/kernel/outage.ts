/**
 * A dependency (PostgreSQL, Redis) that is down or restarting is not a bug in the request
 * that met it: the client should retry later, so it is answered 503 with Retry-After, not
 * 500. This recognises such failures in an error's cause chain, from either driver.
 */

/** Seconds a client is asked to wait before retrying during an outage. */
export const OUTAGE_RETRY_AFTER_S = 5;

/** Thrown by a port that could not reach its server (the cache wraps its driver's errors in it). */
export class DependencyUnavailableError extends Error {
  override name = 'DependencyUnavailableError';

  constructor(
    readonly dependency: string,
    cause: unknown,
  ) {
    super(`${dependency} unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** Socket-level failures: the server is unreachable or dropped the connection. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
/**
 * PostgreSQL SQLSTATEs of an unavailable server: class 08 (connection exception), shutting
 * down (57P01, 57P02), starting up or in recovery (57P03), out of connections (53300).
 */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** node-postgres reports a lost or never-made connection with these messages and no code. */
const PG_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection terminated unexpectedly',
];

export function isOutage(error: unknown): boolean {
  const seen = new Set<unknown>();
  const stack: unknown[] = [error];
  while (stack.length > 0 && seen.size < 10) {
    const e = stack.pop();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    if (e instanceof DependencyUnavailableError) return true;
    const { code, message, cause, errors } = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_UNAVAILABLE.test(code))) return true;
    if (typeof message === 'string' && PG_MESSAGES.some((m) => message.startsWith(m))) return true;
    stack.push(cause);
    if (Array.isArray(errors)) stack.push(...errors);
  }
  return false;
}
