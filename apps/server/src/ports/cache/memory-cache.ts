/**
 * In-process cache for the embedded run mode. It follows Redis semantics where callers
 * could tell the difference: a plain `set` clears a TTL, `incrWindow` keeps the window's
 * TTL, reading a hash as a string (or the reverse) is a WRONGTYPE error, and pub/sub
 * delivers asynchronously, never inside `publish`.
 */
import type { Logger } from 'pino';
import type { PortHealth } from '../port-health.js';
import type { CachePort, MessageHandler, Unsubscribe } from './cache-port.js';

interface Entry {
  value: string | Map<string, string>;
  /** Epoch ms; undefined = no TTL. */
  expiresAt: number | undefined;
}

const SWEEP_EVERY_MS = 10_000;

export class MemoryCache implements CachePort {
  readonly impl = 'memory' as const;
  private readonly entries = new Map<string, Entry>();
  private readonly channels = new Map<string, Set<MessageHandler>>();
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly logger?: Logger) {
    // Lazy expiry alone would keep keys nobody reads again (rate-limit windows) forever.
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS).unref();
  }

  async get(key: string): Promise<string | null> {
    const entry = this.live(key);
    if (!entry) return null;
    if (typeof entry.value !== 'string') throw wrongType(key);
    return entry.value;
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    this.assertOpen();
    this.entries.set(key, { value, expiresAt: ttlMs === undefined ? undefined : Date.now() + ttlMs });
  }

  async del(...keys: string[]): Promise<void> {
    this.assertOpen();
    for (const key of keys) this.entries.delete(key);
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    let entry = this.live(key);
    if (!entry) {
      entry = { value: new Map(), expiresAt: undefined };
      this.entries.set(key, entry);
    }
    if (typeof entry.value === 'string') throw wrongType(key);
    for (const [field, value] of Object.entries(fields)) entry.value.set(field, value);
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    const entry = this.live(key);
    if (!entry) return {};
    if (typeof entry.value === 'string') throw wrongType(key);
    return Object.fromEntries(entry.value);
  }

  async incrWindow(key: string, windowMs: number, by = 1): Promise<{ count: number; resetMs: number }> {
    const now = Date.now();
    const entry = this.live(key);
    if (!entry) {
      this.entries.set(key, { value: String(by), expiresAt: now + windowMs });
      return { count: by, resetMs: windowMs };
    }
    if (typeof entry.value !== 'string' || !/^-?\d+$/.test(entry.value)) {
      throw new Error(`ERR value at ${key} is not an integer`);
    }
    const count = Number(entry.value) + by;
    entry.value = String(count);
    // Like the Redis script: a counter that somehow has no TTL gets one, so it cannot stick.
    entry.expiresAt ??= now + windowMs;
    return { count, resetMs: entry.expiresAt - now };
  }

  async publish(channel: string, message: string): Promise<void> {
    this.assertOpen();
    const handlers = this.channels.get(channel);
    if (!handlers) return;
    for (const handler of [...handlers]) {
      setImmediate(() => {
        if (!handlers.has(handler)) return;
        try {
          handler(message, channel);
        } catch (err) {
          this.logger?.error({ err, channel }, 'cache subscriber threw');
        }
      });
    }
  }

  async hasSubscribers(channel: string): Promise<boolean> {
    this.assertOpen();
    return (this.channels.get(channel)?.size ?? 0) > 0;
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    this.assertOpen();
    // Wrapped so the same function subscribed twice gets two independent subscriptions.
    const own: MessageHandler = (message, ch) => handler(message, ch);
    let handlers = this.channels.get(channel);
    if (!handlers) this.channels.set(channel, (handlers = new Set()));
    handlers.add(own);
    return async () => {
      handlers.delete(own);
      if (handlers.size === 0 && this.channels.get(channel) === handlers) this.channels.delete(channel);
    };
  }

  async health(): Promise<PortHealth> {
    return this.closed ? { impl: this.impl, ok: false, error: 'closed' } : { impl: this.impl, ok: true };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    this.channels.clear();
    this.entries.clear();
  }

  /** The entry when present and not expired (expired ones are dropped on sight). */
  private live(key: string): Entry | undefined {
    this.assertOpen();
    const entry = this.entries.get(key);
    if (entry?.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt !== undefined && entry.expiresAt <= now) this.entries.delete(key);
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('cache is closed');
  }
}

function wrongType(key: string): Error {
  return new Error(`WRONGTYPE ${key} holds the wrong kind of value`);
}
