import type { ManagedPort } from '../port-health.js';

export type CacheImpl = 'memory' | 'redis';
export type MessageHandler = (message: string, channel: string) => void;
export type Unsubscribe = () => Promise<void>;

/**
 * Key/value cache with hashes, counters and pub/sub.
 * Every key and channel is namespaced by the implementation's prefix, so two runs
 * (or two test suites) sharing one Redis never see each other's data.
 */
export interface CachePort extends ManagedPort {
  readonly impl: CacheImpl;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Merges fields into a hash. */
  hset(key: string, fields: Record<string, string>): Promise<void>;
  /** All fields of a hash; `{}` when missing. */
  hgetall(key: string): Promise<Record<string, string>>;
  /**
   * Fixed-window counter: adds `by` (default 1, a positive integer) to `key`, starting a window of
   * `windowMs` on the first hit. Returns the count in the window and the milliseconds until it ends.
   */
  incrWindow(key: string, windowMs: number, by?: number): Promise<{ count: number; resetMs: number }>;
  publish(channel: string, message: string): Promise<void>;
  /**
   * Whether any subscriber of `channel` exists now, on any replica: lets a publisher skip
   * building a costly message nobody would receive. A subscriber that arrives just after
   * misses that message, as it would had it arrived just after the publish.
   */
  hasSubscribers(channel: string): Promise<boolean>;
  /** Delivers each message published on `channel` after the returned promise resolves. */
  subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe>;
}
