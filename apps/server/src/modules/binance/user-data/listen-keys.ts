/**
 * Binance's listen keys, kept on the cache port so that any replica can answer for one: a key
 * is valid for 60 minutes after its creation or last keepalive; an account has one live key at
 * a time (a second POST returns it and extends it); DELETE ends it. Each key remembers the API
 * key that created it: revoking that API key ends the listen key too.
 */
import type { CachePort } from '../../../ports/cache/cache-port.js';
import { randomToken } from '../../accounts/index.js';

export const LISTEN_KEY_VALIDITY_MS = 60 * 60_000;
/** Binance's listen keys are 60 letters and digits; market stream names always hold an `@`. */
const LISTEN_KEY_SHAPE = /^[A-Za-z0-9]{60}$/;

export interface ListenKeyRecord {
  userId: number;
  /** The API key that created it. */
  keyId: string;
  /** Epoch ms; a keepalive moves it. */
  expiresAt: number;
}

export const isListenKeyShaped = (name: string) => LISTEN_KEY_SHAPE.test(name);

/** Channel on which the end of a listen key (DELETE) is announced to its sockets on every replica. */
export const listenKeyClosedChannel = (listenKey: string) => `binance.listen-key.${listenKey}.closed`;

const recordKey = (listenKey: string) => `binance:listen-key:${listenKey}`;
const accountKey = (userId: number) => `binance:listen-key-of:${userId}`;

function parseRecord(raw: string | null): ListenKeyRecord | undefined {
  if (raw === null) return undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<ListenKeyRecord>;
    if (typeof parsed.userId !== 'number' || typeof parsed.keyId !== 'string' || typeof parsed.expiresAt !== 'number') return undefined;
    return { userId: parsed.userId, keyId: parsed.keyId, expiresAt: parsed.expiresAt };
  } catch {
    return undefined;
  }
}

export class ListenKeys {
  constructor(
    private readonly cache: CachePort,
    readonly validityMs = LISTEN_KEY_VALIDITY_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The live record of a listen key, or undefined (unknown, ended or expired). */
  async lookup(listenKey: string): Promise<ListenKeyRecord | undefined> {
    if (!isListenKeyShaped(listenKey)) return undefined;
    const record = parseRecord(await this.cache.get(recordKey(listenKey)));
    return record && record.expiresAt > this.now() ? record : undefined;
  }

  /**
   * The account's live listen key, extended, or a new one. `creatorIsLive` tells whether the
   * API key that created the live one still stands; when it does not, a new key replaces it.
   */
  async open(userId: number, keyId: string, creatorIsLive: (keyId: string) => Promise<boolean>): Promise<string> {
    const current = await this.cache.get(accountKey(userId));
    if (current !== null) {
      const record = await this.lookup(current);
      if (record && record.userId === userId && (record.keyId === keyId || (await creatorIsLive(record.keyId)))) {
        await this.#write(current, record);
        return current;
      }
    }
    const listenKey = randomToken(60);
    await this.#write(listenKey, { userId, keyId, expiresAt: 0 });
    return listenKey;
  }

  /** Extends the account's listen key; false when it is not a live key of this account (or its creator was revoked). */
  async keepAlive(userId: number, listenKey: string, creatorIsLive: (keyId: string) => Promise<boolean>): Promise<boolean> {
    const record = await this.lookup(listenKey);
    if (!record || record.userId !== userId || !(await creatorIsLive(record.keyId))) return false;
    await this.#write(listenKey, record);
    return true;
  }

  /** Ends the account's listen key and its sockets everywhere; false when it is not a live key of this account. */
  async close(userId: number, listenKey: string): Promise<boolean> {
    const record = await this.lookup(listenKey);
    if (!record || record.userId !== userId) return false;
    await this.forget(listenKey, record);
    await this.cache.publish(listenKeyClosedChannel(listenKey), listenKey);
    return true;
  }

  /** Drops a listen key (its API key was revoked, or it was closed). */
  async forget(listenKey: string, record: Pick<ListenKeyRecord, 'userId'>): Promise<void> {
    await this.cache.del(recordKey(listenKey));
    if ((await this.cache.get(accountKey(record.userId))) === listenKey) await this.cache.del(accountKey(record.userId));
  }

  async #write(listenKey: string, record: ListenKeyRecord): Promise<void> {
    const expiresAt = this.now() + this.validityMs;
    await this.cache.set(recordKey(listenKey), JSON.stringify({ ...record, expiresAt }), this.validityMs);
    await this.cache.set(accountKey(record.userId), listenKey, this.validityMs);
  }
}
