/**
 * Redis-backed cache. The prefix is applied by this class to keys AND channels (ioredis'
 * own `keyPrefix` skips channels), so runs sharing one Redis never see each other.
 * Pub/sub uses a second connection, opened on the first subscribe, because a subscribed
 * connection can run nothing else; ioredis re-subscribes its channels after a reconnect.
 */
import type { Logger } from 'pino';
import type { PortHealth } from '../port-health.js';
import type { CachePort, MessageHandler, Unsubscribe } from './cache-port.js';
import { DependencyUnavailableError } from '../../kernel/outage.js';
import { RedisLink, type RedisLinkOptions } from './redis-connection.js';

// INCR then start the window on the first hit; a counter left without a TTL gets one,
// so a crash between the two calls can never block a key forever.
const INCR_WINDOW_LUA = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

export interface RedisCacheOptions {
  url: string;
  keyPrefix: string;
  logger: Logger;
  /** Tuning for tests and operators; see RedisLinkOptions. */
  connection?: Pick<RedisLinkOptions, 'commandTimeoutMs' | 'maxBackoffMs'>;
}

export class RedisCache implements CachePort {
  readonly impl = 'redis' as const;
  private readonly prefix: string;
  private readonly link: RedisLink;
  private subscriber: RedisLink | undefined;
  private readonly handlers = new Map<string, Set<MessageHandler>>();

  constructor(private readonly options: RedisCacheOptions) {
    this.prefix = options.keyPrefix.endsWith(':') ? options.keyPrefix : `${options.keyPrefix}:`;
    this.link = this.connect('cache');
  }

  async get(key: string): Promise<string | null> {
    return this.run((redis) => redis.get(this.prefix + key));
  }

  async set(key: string, value: string, ttlMs?: number): Promise<void> {
    await this.run((redis) =>
      ttlMs === undefined ? redis.set(this.prefix + key, value) : redis.set(this.prefix + key, value, 'PX', Math.max(1, Math.ceil(ttlMs))),
    );
  }

  async del(...keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.run((redis) => redis.del(...keys.map((k) => this.prefix + k)));
  }

  async hset(key: string, fields: Record<string, string>): Promise<void> {
    if (Object.keys(fields).length === 0) return;
    await this.run((redis) => redis.hset(this.prefix + key, fields));
  }

  async hgetall(key: string): Promise<Record<string, string>> {
    return this.run((redis) => redis.hgetall(this.prefix + key));
  }

  async incrWindow(key: string, windowMs: number, by = 1): Promise<{ count: number; resetMs: number }> {
    const window = Math.max(1, Math.ceil(windowMs));
    const [count, ttl] = (await this.run((redis) => redis.eval(INCR_WINDOW_LUA, 1, this.prefix + key, window, by))) as [number, number];
    return { count: Number(count), resetMs: Number(ttl) };
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.run((redis) => redis.publish(this.prefix + channel, message));
  }

  /** PUBSUB NUMSUB counts the subscriptions of every connection, so every replica's sockets. */
  async hasSubscribers(channel: string): Promise<boolean> {
    const [, count] = (await this.run((redis) => redis.pubsub('NUMSUB', this.prefix + channel))) as [string, number | string];
    return Number(count) > 0;
  }

  async subscribe(channel: string, handler: MessageHandler): Promise<Unsubscribe> {
    const full = this.prefix + channel;
    const subLink = this.subscriberLink();
    const sub = subLink.client;
    const own: MessageHandler = (message, ch) => handler(message, ch);
    let set = this.handlers.get(full);
    const first = !set;
    if (!set) this.handlers.set(full, (set = new Set()));
    set.add(own);
    try {
      // Each call awaits SUBSCRIBE so "delivered after the promise resolves" holds for it.
      await subLink.whenReady();
      await sub.subscribe(full);
    } catch (err) {
      set.delete(own);
      if (first && set.size === 0) this.handlers.delete(full);
      throw err instanceof Error && err.name === 'ReplyError' ? err : new DependencyUnavailableError('redis', err);
    }
    return async () => {
      if (!set.delete(own) || set.size > 0) return;
      this.handlers.delete(full);
      try {
        await sub.unsubscribe(full);
      } catch (err) {
        // Delivery already stopped (no handlers left); during an outage Redis forgot the
        // subscription anyway, and a re-subscribed leftover only delivers to nobody.
        this.options.logger.debug({ err, channel }, 'redis unsubscribe failed');
      }
    };
  }

  health(): Promise<PortHealth> {
    return this.link.health(this.impl);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await Promise.all([this.link.close(), this.subscriber?.close()]);
  }

  private async client() {
    try {
      await this.link.whenReady();
    } catch (err) {
      throw new DependencyUnavailableError('redis', err);
    }
    return this.link.client;
  }

  /** Runs a command; a refused, dropped or timed-out connection becomes DependencyUnavailableError. */
  private async run<T>(command: (redis: RedisLink['client']) => Promise<T>): Promise<T> {
    const redis = await this.client();
    try {
      return await command(redis);
    } catch (err) {
      // A ReplyError is Redis answering (a bug of ours, e.g. WRONGTYPE), not an outage.
      if (err instanceof Error && err.name === 'ReplyError') throw err;
      throw new DependencyUnavailableError('redis', err);
    }
  }

  private subscriberLink(): RedisLink {
    if (this.subscriber) return this.subscriber;
    const link = this.connect('cache-sub');
    link.client.on('message', (channel: string, message: string) => this.dispatch(channel, message));
    this.subscriber = link;
    return link;
  }

  private dispatch(fullChannel: string, message: string): void {
    const set = this.handlers.get(fullChannel);
    if (!set) return;
    const channel = fullChannel.slice(this.prefix.length);
    for (const handler of [...set]) {
      try {
        handler(message, channel);
      } catch (err) {
        this.options.logger.error({ err, channel }, 'cache subscriber threw');
      }
    }
  }

  private connect(name: string): RedisLink {
    const { url, logger, connection } = this.options;
    return new RedisLink({ url, name: `${this.prefix}${name}`, logger, ...connection });
  }
}
