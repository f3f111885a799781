/**
 * Ending a session ends its access tokens and sockets at once, not when the 15-minute token
 * expires: the session id (the `sid` claim) is put on a revocation list in the cache for as
 * long as a token of it can live, and announced on one cache channel so every replica closes
 * that session's sockets and refuses its tokens.
 *
 * The authenticated hot path does not read the cache on every request: each process keeps the
 * revoked ids it heard announced (RevocationCheck), and reads the cache's list only for a
 * session it has not checked in the last few seconds — which also covers a revocation from
 * before this process listened, or one announced while its subscription was reconnecting.
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

const CHECKED_FOR_MS = 5_000;
const MAX_CHECKED = 50_000;

/**
 * The revocation check of one process: a session announced revoked is refused from the moment
 * the announcement arrives; a session read from the cache as not revoked is trusted for
 * CHECKED_FOR_MS while this process is subscribed (an announcement overrides it at once), so a
 * busy session costs one cache read per few seconds instead of one per request. Without a
 * subscription every check reads the cache, as before.
 */
export class RevocationCheck {
  readonly #revoked = new Map<string, number>();
  readonly #checked = new Map<string, number>();
  #listening: Promise<boolean> | undefined;

  constructor(
    private readonly cache: CachePort,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async isRevoked(sessionId: string, logger: Pick<Logger, 'warn'>): Promise<boolean> {
    const listening = await this.#listen(logger);
    const now = this.now();
    const until = this.#revoked.get(sessionId);
    if (until !== undefined) {
      if (until > now) return true;
      this.#revoked.delete(sessionId);
    }
    const checkedAt = this.#checked.get(sessionId);
    if (listening && checkedAt !== undefined && now - checkedAt < CHECKED_FOR_MS) return false;
    const revoked = await isRevoked(this.cache, logger, sessionId);
    if (revoked) this.#markRevoked(sessionId);
    else if (listening) {
      // Oldest first out: the map stays bounded however many sessions pass through.
      if (this.#checked.size >= MAX_CHECKED) this.#checked.delete(this.#checked.keys().next().value!);
      this.#checked.delete(sessionId);
      this.#checked.set(sessionId, now);
    }
    return revoked;
  }

  #listen(logger: Pick<Logger, 'warn'>): Promise<boolean> {
    this.#listening ??= this.cache.subscribe(CHANNEL, (message) => this.#onAnnounced(message, logger)).then(
      () => true,
      (err: unknown) => {
        // Not listening: read the cache every time, and try to subscribe again on the next check.
        logger.warn({ err: (err as Error).message }, 'revocation announcements unavailable; reading the list per request');
        this.#listening = undefined;
        return false;
      },
    );
    return this.#listening;
  }

  #onAnnounced(message: string, logger: Pick<Logger, 'warn'>): void {
    let ids: unknown;
    try {
      ids = JSON.parse(message);
    } catch {
      return logger.warn('malformed session revocation message');
    }
    if (Array.isArray(ids)) for (const id of ids) this.#markRevoked(String(id));
  }

  #markRevoked(sessionId: string): void {
    this.#checked.delete(sessionId);
    const now = this.now();
    // Expired entries go as new ones come: tokens of those sessions have expired by then.
    for (const [id, until] of this.#revoked) {
      if (until > now) break;
      this.#revoked.delete(id);
    }
    this.#revoked.delete(sessionId);
    this.#revoked.set(sessionId, now + LIST_TTL_MS);
  }
}

const checks = new WeakMap<CachePort, RevocationCheck>();

/** The one RevocationCheck of this process for `cache` (every route plugin shares it). */
export function revocationCheckOf(cache: CachePort): RevocationCheck {
  let check = checks.get(cache);
  if (!check) checks.set(cache, (check = new RevocationCheck(cache)));
  return check;
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
