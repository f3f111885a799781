/**
 * Ending a session ends its access tokens and sockets at once, not when the 15-minute token
 * expires: the session id (the `sid` claim) is put on a revocation list in the cache for as
 * long as a token of it can live, checked on every authenticated request, and announced on
 * one cache channel so every replica closes that session's sockets.
 */
import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-token.js';

const CHANNEL = 'sessions.revoked';
const listKey = (sessionId: string) => `session-revoked:${sessionId}`;
/** A token issued just before the revocation lives this long at most. */
const LIST_TTL_MS = ACCESS_TOKEN_TTL_SECONDS * 1000 + 60_000;

export async function announceRevoked(cache: CachePort, logger: Pick<Logger, 'warn'>, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  try {
    await Promise.all(sessionIds.map((id) => cache.set(listKey(id), '1', LIST_TTL_MS)));
    await cache.publish(CHANNEL, JSON.stringify(sessionIds));
  } catch (err) {
    // The refresh tokens are revoked in the database either way; the access tokens then end on expiry.
    logger.warn({ err: (err as Error).message }, 'session revocation not announced: cache unavailable');
  }
}

/**
 * True when the session was revoked. A cache outage answers false (the token's own expiry
 * still bounds it) rather than refusing every signed-in request.
 */
export async function isRevoked(cache: CachePort, logger: Pick<Logger, 'warn'>, sessionId: string): Promise<boolean> {
  try {
    return (await cache.get(listKey(sessionId))) !== null;
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'revocation list unavailable; token accepted on its signature');
    return false;
  }
}

/** This process's open sockets by session, closed when any replica announces a revocation. */
export class SessionSockets {
  readonly #bySession = new Map<string, Set<() => void>>();
  #subscribed: Promise<unknown> | undefined;

  constructor(
    private readonly cache: CachePort,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  /** Registers `close` for `sessionId`; returns the unregister function. */
  async track(sessionId: string, close: () => void): Promise<() => void> {
    this.#subscribed ??= this.cache.subscribe(CHANNEL, (message) => this.#onRevoked(message)).catch((err: unknown) => {
      this.#subscribed = undefined;
      throw err;
    });
    await this.#subscribed;
    let set = this.#bySession.get(sessionId);
    if (!set) this.#bySession.set(sessionId, (set = new Set()));
    set.add(close);
    return () => {
      set.delete(close);
      if (set.size === 0 && this.#bySession.get(sessionId) === set) this.#bySession.delete(sessionId);
    };
  }

  #onRevoked(message: string): void {
    let ids: unknown;
    try {
      ids = JSON.parse(message);
    } catch {
      return this.logger.warn('malformed session revocation message');
    }
    if (!Array.isArray(ids)) return;
    for (const id of ids) {
      for (const close of [...(this.#bySession.get(String(id)) ?? [])]) close();
    }
  }
}
