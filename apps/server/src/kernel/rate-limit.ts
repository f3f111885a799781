/**
 * Fixed-window rate limits on the cache port's `incrWindow`, so the embedded mode (memory)
 * and the services mode (Redis, shared by every API replica) run the same code.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppError } from './app-error.js';
import type { CachePort } from '../ports/cache/cache-port.js';

export interface RateRule {
  /** Names the counter family in the cache key, e.g. `login-ip`. */
  name: string;
  max: number;
  windowMs: number;
  /** The client the counter belongs to; undefined skips the rule for this request. */
  key(request: FastifyRequest): string | undefined;
  /**
   * When the cache cannot count: `allow` keeps the API up (general limit), `refuse` answers
   * 503 rather than letting password guessing through unmetered (login, registration).
   */
  whenCacheFails: 'allow' | 'refuse';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route meters itself (login, registration), so the general per-IP limit skips it. */
    ownRateLimit?: boolean;
  }
}

/** A short, fixed-length key part for client-controlled text (usernames can be 1 MB of junk). */
export function digestKey(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

export class RateLimiter {
  constructor(
    private readonly cache: CachePort,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  /** Counts one hit against each rule in order; throws 429 RATE_LIMITED at the first one over. */
  async hit(request: FastifyRequest, rules: readonly RateRule[]): Promise<void> {
    for (const rule of rules) {
      const client = rule.key(request);
      if (client === undefined) continue;
      let counted: { count: number; resetMs: number };
      try {
        counted = await this.cache.incrWindow(`ratelimit:${rule.name}:${client}`, rule.windowMs);
      } catch (err) {
        this.logger.warn({ err, rule: rule.name }, 'rate limit not counted: cache unavailable');
        if (rule.whenCacheFails === 'allow') continue;
        throw new AppError('SERVICE_UNAVAILABLE', 503, 'This action is unavailable for a moment; try again shortly.', undefined, {
          'retry-after': '5',
        });
      }
      if (counted.count > rule.max) {
        const seconds = Math.max(1, Math.ceil(counted.resetMs / 1000));
        throw new AppError('RATE_LIMITED', 429, `Too many requests; try again in ${seconds} s.`, undefined, {
          'retry-after': String(seconds),
        });
      }
    }
  }

  /** A hook for a route's own limits (`preValidation`, so malformed bodies are counted too). */
  hook(rules: readonly RateRule[]): (request: FastifyRequest) => Promise<void> {
    return (request) => this.hit(request, rules);
  }
}
