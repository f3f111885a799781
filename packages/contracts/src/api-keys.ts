import Type, { type Static } from 'typebox';
import { LiteralUnion } from './literal-union.js';

/** Binance's key types: HMAC-SHA256 (the server makes the secret) or Ed25519 (the user keeps the private key). */
export const ApiKeyTypes = ['HMAC_SHA256', 'ED25519'] as const;
export type ApiKeyType = (typeof ApiKeyTypes)[number];

/** `read`: account, orders and trades; `trade`: placing and cancelling orders. */
export const ApiKeyPermissions = ['read', 'trade'] as const;
export type ApiKeyPermission = (typeof ApiKeyPermissions)[number];

/** Keys a user may hold at once (revoked keys do not count). */
export const MAX_API_KEYS_PER_USER = 30;
/** Entries in one key's IP allow-list. */
export const MAX_IP_ALLOWLIST_ENTRIES = 30;

export const CreateApiKeyRequest = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f\\u007f]+$', description: '1–64 characters (not only spaces), shown in the list' }),
    permissions: Type.Array(LiteralUnion(ApiKeyPermissions), { minItems: 1, maxItems: 2, uniqueItems: true }),
    type: Type.Optional(LiteralUnion(ApiKeyTypes, { default: 'HMAC_SHA256' })),
    publicKey: Type.Optional(Type.String({ minLength: 1, maxLength: 1024, description: 'ED25519 only: the public key as PEM (-----BEGIN PUBLIC KEY-----)' })),
    ipAllowlist: Type.Optional(
      Type.Array(Type.String({ minLength: 2, maxLength: 64, description: 'IPv4 or IPv6 address or CIDR, e.g. 203.0.113.7 or 2001:db8::/48' }), {
        maxItems: MAX_IP_ALLOWLIST_ENTRIES,
        description: 'Addresses allowed to use the key; empty or absent: any address',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateApiKeyRequest = Static<typeof CreateApiKeyRequest>;

export const ApiKey = Type.Object({
  id: Type.String({ format: 'uuid' }),
  key: Type.String({ description: 'The API key sent as X-MBX-APIKEY (64 characters)' }),
  label: Type.String(),
  type: LiteralUnion(ApiKeyTypes),
  permissions: Type.Array(LiteralUnion(ApiKeyPermissions)),
  ipAllowlist: Type.Array(Type.String()),
  publicKey: Type.Union([Type.String(), Type.Null()], { description: 'ED25519 keys: the registered public key (PEM)' }),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Last signed request, to the minute' }),
});
export type ApiKey = Static<typeof ApiKey>;

export const CreateApiKeyResponse = Type.Object({
  apiKey: ApiKey,
  secret: Type.Union([Type.String(), Type.Null()], { description: 'HMAC_SHA256: the secret key, shown in this reply only; ED25519: null' }),
});
export type CreateApiKeyResponse = Static<typeof CreateApiKeyResponse>;

export const ApiKeysResponse = Type.Object({ apiKeys: Type.Array(ApiKey) });
export type ApiKeysResponse = Static<typeof ApiKeysResponse>;

export const ApiKeyParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type ApiKeyParams = Static<typeof ApiKeyParams>;
