/**
 * One ioredis connection with the outage behaviour every Redis-backed port shares
 * (the cache, its subscriber and the BullMQ jobs port):
 *
 * - Redis unreachable at start is not fatal: ioredis keeps reconnecting with a capped
 *   exponential backoff, forever, so the process recovers by itself when Redis returns.
 * - `enableOfflineQueue` is off (BullMQ workers excepted): a command is either sent on a
 *   live connection or rejected at once. With a queue, a call that had already been
 *   reported as failed (timeout, retries exhausted) could still be sent after the
 *   reconnect and apply late — a stale SET or a duplicate PUBLISH. For the same reason
 *   unanswered commands are not re-sent after a reconnect. Calls made before the first
 *   connect wait for it (`whenReady`), up to `readyTimeoutMs`.
 * - `commandTimeoutMs` rejects a call a hung (not closed) connection never answers.
 *   BullMQ workers pass `maxRetriesPerRequest: null`, no timeout and the offline queue,
 *   which BullMQ requires for its blocking commands.
 * - Every 'error' event is handled; an outage is logged once when it starts and once when
 *   it ends, not on every reconnect attempt.
 */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PortHealth } from '../port-health.js';

export interface RedisLinkOptions {
  url: string;
  /** Shown in logs and as the Redis CLIENT name. */
  name: string;
  logger: Logger;
  /** `null` for BullMQ workers; default 1. */
  maxRetriesPerRequest?: number | null;
  /** Rejects a call that got no reply in time; default 2000, `null` for none. */
  commandTimeoutMs?: number | null;
  /** Upper bound of the reconnect backoff; default 1000, so a returning Redis is in use within a second. */
  maxBackoffMs?: number;
  /** Queue commands while disconnected (BullMQ workers only); default false. */
  offlineQueue?: boolean;
  /** How long a call made before the first connect waits for it; default 2000. */
  readyTimeoutMs?: number;
}

/** Short operator-facing text for a connection error (never a stack). */
export function shortError(err: unknown): string {
  if (err instanceof AggregateError && !err.message) return shortError(err.errors[0]);
  if (err instanceof Error) return err.message || (err as NodeJS.ErrnoException).code || err.name;
  return String(err);
}

export class RedisLink {
  readonly client: Redis;
  private lastError: string | undefined;
  private connectedOnce = false;
  private outageLogged = false;
  private firstReady: Promise<void> | undefined;

  constructor(private readonly options: RedisLinkOptions) {
    const maxBackoffMs = options.maxBackoffMs ?? 1000;
    const commandTimeout = options.commandTimeoutMs === undefined ? 2000 : options.commandTimeoutMs;
    this.client = new Redis(options.url, {
      // CLIENT SETNAME refuses spaces and odd characters.
      connectionName: options.name.replace(/[^\w:.-]/g, '_'),
      maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 1 : options.maxRetriesPerRequest,
      enableOfflineQueue: options.offlineQueue ?? false,
      autoResendUnfulfilledCommands: options.offlineQueue ?? false,
      ...(commandTimeout === null ? {} : { commandTimeout }),
      connectTimeout: 5000,
      keepAlive: 10_000,
      retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), maxBackoffMs),
    });
    this.client.on('error', (err) => this.onError(err));
    this.client.on('ready', () => this.onReady());
  }

  private onError(err: unknown): void {
    this.lastError = shortError(err);
    if (this.outageLogged) return;
    this.outageLogged = true;
    this.options.logger.warn({ redis: this.options.name, err: this.lastError }, 'redis unavailable; reconnecting');
  }

  private onReady(): void {
    if (this.outageLogged) this.options.logger.info({ redis: this.options.name }, 'redis connection restored');
    this.outageLogged = false;
    this.lastError = undefined;
    this.connectedOnce = true;
  }

  /**
   * Resolves when commands can be sent. Before the first connect it waits for it (bounded);
   * during an outage it rejects at once, so callers fail fast instead of piling up.
   */
  async whenReady(): Promise<void> {
    const { client } = this;
    if (client.status === 'ready') return;
    if (client.status === 'end' || this.connectedOnce || this.lastError) {
      throw new Error(`redis unavailable (${client.status}${this.lastError ? `: ${this.lastError}` : ''})`);
    }
    // One shared wait, so a burst of start-up calls adds two listeners, not two per call.
    this.firstReady ??= new Promise<void>((resolve, reject) => {
      const timeoutMs = this.options.readyTimeoutMs ?? 2000;
      const settle = (err?: Error) => {
        clearTimeout(timer);
        client.off('ready', onReady);
        client.off('error', onError);
        this.firstReady = undefined;
        if (err) reject(err);
        else resolve();
      };
      const onReady = () => settle();
      const onError = (err: unknown) => settle(new Error(`redis unavailable: ${shortError(err)}`));
      const timer = setTimeout(() => settle(new Error(`redis not ready after ${timeoutMs} ms`)), timeoutMs);
      client.on('ready', onReady);
      client.on('error', onError);
    });
    return this.firstReady;
  }

  /** Never throws: a quick status check, then PING with a short timeout. */
  async health(impl: string, timeoutMs = 1000): Promise<PortHealth> {
    const status = this.client.status;
    if (status !== 'ready') {
      return { impl, ok: false, error: `redis ${status}${this.lastError ? `: ${this.lastError}` : ''}` };
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`PING timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.client.ping(), timeout]);
      return { impl, ok: true };
    } catch (err) {
      // The connection may have dropped mid-PING; its state says more than the PING error.
      const now = this.client.status;
      if (now !== 'ready') return { impl, ok: false, error: `redis ${now}: ${this.lastError ?? shortError(err)}` };
      return { impl, ok: false, error: `redis ping failed: ${shortError(err)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  /** QUIT when connected (lets pending replies arrive); otherwise just drop the socket. */
  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // Fall through: the connection broke while quitting.
      }
    }
    this.client.disconnect();
  }
}
