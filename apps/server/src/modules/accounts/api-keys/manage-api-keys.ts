import { MAX_API_KEYS_PER_USER, type ApiKey, type ApiKeysResponse, type CreateApiKeyRequest, type CreateApiKeyResponse, type ValidationIssue } from '@cryptosim/contracts';
import type { Logger } from 'pino';
import { AppError } from '../../../kernel/app-error.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import type { Database } from '../../../ports/db/db-port.js';
import { insertApiKeyWithin, listLiveApiKeys, revokeApiKey, type ApiKeyRow } from './api-key-repository.js';
import { normalizeIpEntry } from './ip-allowlist.js';
import { randomToken } from './random-token.js';
import type { SecretBox } from './secret-box.js';
import { parseEd25519PublicKey } from './signatures.js';

export interface ApiKeyDeps {
  db: Database;
  box: SecretBox;
  logger: Pick<Logger, 'info' | 'warn'>;
  /** Announces revocations to what holds a key open (the Binance user-data sockets) on every replica. */
  cache: CachePort;
}

/** The cache pub/sub channel on which a key's revocation is announced (the message is the key's id). */
export function apiKeyRevokedChannel(keyId: string): string {
  return `apikey.${keyId}.revoked`;
}

export function toApiKeyView(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    key: row.apiKey,
    label: row.label,
    type: row.type,
    permissions: [...(row.canRead ? (['read'] as const) : []), ...(row.canTrade ? (['trade'] as const) : [])],
    ipAllowlist: row.ipAllowlist,
    publicKey: row.publicKey,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

function invalid(errors: ValidationIssue[]): AppError {
  return new AppError('VALIDATION_FAILED', 400, errors.map((e) => e.message).join(' '), errors);
}

/** Creates a key; an HMAC key's secret is in this reply only and is stored encrypted. */
export async function createApiKey(deps: ApiKeyDeps, userId: number, body: CreateApiKeyRequest): Promise<CreateApiKeyResponse> {
  const type = body.type ?? 'HMAC_SHA256';
  const errors: ValidationIssue[] = [];
  const label = body.label.trim();
  if (label === '') errors.push({ path: 'body/label', message: 'The label must not be only spaces.' });

  const ipAllowlist: string[] = [];
  (body.ipAllowlist ?? []).forEach((entry, i) => {
    const normalized = normalizeIpEntry(entry);
    if (normalized === undefined) errors.push({ path: `body/ipAllowlist/${i}`, message: `"${entry.slice(0, 64)}" is not an IPv4 or IPv6 address or CIDR block.` });
    else if (!ipAllowlist.includes(normalized)) ipAllowlist.push(normalized);
  });

  let publicKey: string | null = null;
  if (type === 'ED25519') {
    if (body.publicKey === undefined) errors.push({ path: 'body/publicKey', message: 'An ED25519 key needs publicKey: your Ed25519 public key as PEM.' });
    else {
      const parsed = parseEd25519PublicKey(body.publicKey);
      if (parsed.ok) publicKey = parsed.pem;
      else errors.push({ path: 'body/publicKey', message: parsed.message });
    }
  } else if (body.publicKey !== undefined) {
    errors.push({ path: 'body/publicKey', message: 'publicKey is only for ED25519 keys; the server makes an HMAC key\'s secret.' });
  }
  if (errors.length > 0) throw invalid(errors);

  const apiKey = randomToken(64);
  const secret = type === 'HMAC_SHA256' ? randomToken(64) : null;
  const row = await insertApiKeyWithin(
    deps.db,
    {
      userId,
      label,
      type,
      apiKey,
      secretCiphertext: secret === null ? null : deps.box.seal(secret, apiKey),
      publicKey,
      canRead: body.permissions.includes('read'),
      canTrade: body.permissions.includes('trade'),
      ipAllowlist,
    },
    MAX_API_KEYS_PER_USER,
  );
  if (!row) throw new AppError('CONFLICT', 409, `You already have ${MAX_API_KEYS_PER_USER} API keys; revoke one first.`);
  deps.logger.info({ userId, apiKeyId: row.id, type }, 'api key created');
  return { apiKey: toApiKeyView(row), secret };
}

export async function listApiKeys(deps: ApiKeyDeps, userId: number): Promise<ApiKeysResponse> {
  return { apiKeys: (await listLiveApiKeys(deps.db, userId)).map(toApiKeyView) };
}

/** Another user's key id is a 404, exactly like one that never existed. */
export async function revokeApiKeyOf(deps: ApiKeyDeps, userId: number, id: string): Promise<void> {
  if (!(await revokeApiKey(deps.db, userId, id))) throw new AppError('NOT_FOUND', 404, 'No such API key.');
  deps.logger.info({ userId, apiKeyId: id }, 'api key revoked');
  // Requests are refused from the database already; this only ends what the key keeps open.
  try {
    await deps.cache.publish(apiKeyRevokedChannel(id), id);
  } catch (err) {
    deps.logger.warn({ err, apiKeyId: id }, 'api key revoked but the revocation could not be announced to open streams');
  }
}
