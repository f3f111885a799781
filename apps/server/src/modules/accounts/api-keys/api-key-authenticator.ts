/**
 * Checks a signed request's API key and signature, for the Binance-compatible surface.
 *
 * Revocation is read from the database on every call (one lookup on the unique api_key index,
 * shared by the calls of one event-loop turn, each started after its request arrived), so a key
 * revoked through any replica is refused by every replica on its next request: no cache can be
 * stale. What never changes for a key (its decrypted secret or parsed public key,
 * its IP allow-list) is kept per process by API key, so once a process has seen a key the
 * lookup reads only the key's live state (owner, permissions, revocation, last use): that one
 * narrow read is the only per-request cost beyond the signature itself. `last_used_at` is
 * written at most once a minute per key and process.
 *
 * An order placement skips even that read once the process knows the key
 * (`verifyWithLiveCheckByCaller`): a key's owner and permissions never change, and the order's
 * own transaction reads the key's revocation under a share lock before it writes anything
 * (trading's order batch), so the guarantee is the same (a revoked key places nothing after
 * its revocation commits) without a round trip ahead of the one the order makes anyway.
 */
import type { KeyObject } from 'node:crypto';
import { createPublicKey } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database } from '../../../ports/db/db-port.js';
import { apiKeyIsLive, touchApiKey, type ApiKeyMaterialRow, type ApiKeyState } from './api-key-repository.js';
import { batchedKeyReads } from './key-reads.js';
import { ipCheckOf, type IpCheck } from './ip-allowlist.js';
import type { SecretBox } from './secret-box.js';
import { ed25519SignatureMatches, hmacSignatureMatches } from './signatures.js';

export interface ApiKeyPrincipal {
  keyId: string;
  userId: number;
  permissions: { read: boolean; trade: boolean };
}

export type ApiKeyRefusal = 'UNKNOWN_KEY' | 'REVOKED' | 'BAD_SIGNATURE' | 'IP_NOT_ALLOWED';
export type ApiKeyCheck = { ok: true; principal: ApiKeyPrincipal } | { ok: false; reason: ApiKeyRefusal };

export interface SignedRequest {
  /** The X-MBX-APIKEY header. */
  apiKey: string;
  /** The exact signed string: query string and form body without `signature`, as Binance concatenates them. */
  payload: string;
  /** The `signature` parameter, already URL-decoded: hex for HMAC keys, base64 for Ed25519 keys. */
  signature: string;
  /** The client address (request.ip). */
  ip: string;
}

export interface ApiKeyAuthenticator {
  /** A SIGNED request (TRADE, USER_DATA). */
  verify(input: SignedRequest): Promise<ApiKeyCheck>;
  /**
   * A SIGNED request whose caller checks the key's revocation itself, in the transaction that
   * acts on it (an order placement carries `principal.keyId` into its batch): a key this process
   * has seen is then verified from memory, with no database read. A key never seen (or refused
   * since) is read as in `verify`.
   */
  verifyWithLiveCheckByCaller(input: SignedRequest): Promise<ApiKeyCheck>;
  /** A request that carries the API key but no signature (Binance's USER_STREAM listen-key endpoints). */
  identify(input: { apiKey: string; ip: string }): Promise<ApiKeyCheck>;
  /** Whether the key of `principal.keyId` is still live (for what a key keeps open, e.g. a user-data stream). */
  isLive(keyId: string): Promise<boolean>;
}

interface Material {
  /** The key's owner and permissions: fixed when the key is made. */
  principal: ApiKeyPrincipal;
  ipCheck: IpCheck;
  hmacSecret?: string;
  publicKey?: KeyObject;
}

const API_KEY_SHAPE = /^[A-Za-z0-9]{64}$/;
const TOUCH_EVERY_MS = 60_000;
/** Per-process cache bound; past it the cache starts over (keys are re-derived on demand). */
const MAX_CACHED_KEYS = 10_000;

const principalOf = (row: ApiKeyState): ApiKeyPrincipal => ({ keyId: row.id, userId: row.userId, permissions: { read: row.canRead, trade: row.canTrade } });

export interface AuthenticatorDeps {
  db: Database;
  box: SecretBox;
  logger: Pick<Logger, 'warn'>;
  now?: () => Date;
}

export function createApiKeyAuthenticator(deps: AuthenticatorDeps): ApiKeyAuthenticator {
  const now = deps.now ?? (() => new Date());
  const materials = new Map<string, Material>();
  const touchedAt = new Map<string, number>();
  const findApiKey = batchedKeyReads(deps.db);

  /** Derives and keeps a key's material; keyed by the API key, which never changes for a key id. */
  function deriveMaterial(apiKey: string, row: ApiKeyMaterialRow): Material | undefined {
    let material: Material;
    try {
      const fixed = { principal: principalOf(row), ipCheck: ipCheckOf(row.ipAllowlist) };
      material =
        row.type === 'HMAC_SHA256'
          ? { ...fixed, hmacSecret: deps.box.open(row.secretCiphertext ?? '', apiKey) }
          : { ...fixed, publicKey: createPublicKey({ key: row.publicKey ?? '', format: 'pem' }) };
    } catch (err) {
      // The encryption material changed since the key was made (or the row was altered): the key cannot sign anything.
      deps.logger.warn({ apiKeyId: row.id, err: (err as Error).message }, 'api key unusable: its secret does not decrypt under the current key material');
      return undefined;
    }
    if (materials.size >= MAX_CACHED_KEYS) materials.clear();
    materials.set(apiKey, material);
    return material;
  }

  async function touch(keyId: string, lastUsedAt: Date | null): Promise<void> {
    const at = now();
    const last = touchedAt.get(keyId) ?? lastUsedAt?.getTime() ?? 0;
    if (at.getTime() - last < TOUCH_EVERY_MS) return;
    if (touchedAt.size >= MAX_CACHED_KEYS) touchedAt.clear();
    touchedAt.set(keyId, at.getTime());
    try {
      await touchApiKey(deps.db, keyId, at);
    } catch (err) {
      deps.logger.warn({ apiKeyId: keyId, err: (err as Error).message }, 'api key last-used time not recorded');
    }
  }

  function signatureMatches(material: Material, signed: { payload: string; signature: string }): boolean {
    return material.hmacSecret !== undefined
      ? hmacSignatureMatches(material.hmacSecret, signed.payload, signed.signature)
      : ed25519SignatureMatches(material.publicKey!, signed.payload, signed.signature);
  }

  async function check(apiKey: string, ip: string, signed: { payload: string; signature: string } | undefined, liveCheckByCaller = false): Promise<ApiKeyCheck> {
    if (!API_KEY_SHAPE.test(apiKey)) return { ok: false, reason: 'UNKNOWN_KEY' };
    const kept = materials.get(apiKey);
    if (kept && liveCheckByCaller && signed) {
      if (!kept.ipCheck.allows(ip)) return { ok: false, reason: 'IP_NOT_ALLOWED' };
      if (!signatureMatches(kept, signed)) return { ok: false, reason: 'BAD_SIGNATURE' };
      await touch(kept.principal.keyId, null);
      return { ok: true, principal: kept.principal };
    }
    const row = await findApiKey(apiKey, kept === undefined);
    if (!row) return { ok: false, reason: 'UNKNOWN_KEY' };
    if (row.revokedAt) {
      materials.delete(apiKey);
      return { ok: false, reason: 'REVOKED' };
    }
    const material = kept ?? deriveMaterial(apiKey, row as ApiKeyMaterialRow);
    if (!material) return { ok: false, reason: 'BAD_SIGNATURE' };
    if (!material.ipCheck.allows(ip)) return { ok: false, reason: 'IP_NOT_ALLOWED' };
    if (signed && !signatureMatches(material, signed)) return { ok: false, reason: 'BAD_SIGNATURE' };
    await touch(row.id, row.lastUsedAt);
    return { ok: true, principal: principalOf(row) };
  }

  return {
    verify: (input) => check(input.apiKey, input.ip, { payload: input.payload, signature: input.signature }),
    verifyWithLiveCheckByCaller: (input) => check(input.apiKey, input.ip, { payload: input.payload, signature: input.signature }, true),
    identify: (input) => check(input.apiKey, input.ip, undefined),
    isLive: (keyId) => apiKeyIsLive(deps.db, keyId),
  };
}
