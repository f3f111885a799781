/**
 * API keys for the Binance-compatible surface. An HMAC key's secret is stored only encrypted
 * (AES-256-GCM, see modules/accounts/api-keys/secret-box.ts); an Ed25519 key stores only the
 * user's public key. Revoked rows are kept (revoked_at set, secret erased) so a revoked key is
 * told apart from one that never existed.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, sqlList } from './columns.js';
import { users } from './users.js';

export const API_KEY_TYPES = ['HMAC_SHA256', 'ED25519'] as const;

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    label: varchar('label', { length: 64 }).notNull(),
    type: varchar('type', { length: 16, enum: API_KEY_TYPES }).notNull(),
    /** The X-MBX-APIKEY value: an identifier, not a credential, so it is stored as is. */
    apiKey: varchar('api_key', { length: 64 }).notNull().unique('api_keys_api_key_key'),
    /** HMAC_SHA256: `v1.<iv>.<ciphertext>.<tag>` (base64url); null for ED25519 and once revoked. */
    secretCiphertext: text('secret_ciphertext'),
    /** ED25519: the public key as SPKI PEM. */
    publicKey: text('public_key'),
    canRead: boolean('can_read').notNull(),
    canTrade: boolean('can_trade').notNull(),
    /** Normalised addresses and CIDRs; empty: any address. */
    ipAllowlist: jsonb('ip_allowlist').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('api_keys_user_created_idx').on(t.userId, t.createdAt),
    check('api_keys_type_known', sql.raw(`type in (${sqlList(API_KEY_TYPES)})`)),
    check('api_keys_ed25519_has_public_key', sql`(type = 'ED25519') = (public_key is not null)`),
    check('api_keys_live_hmac_has_secret', sql`type <> 'HMAC_SHA256' or revoked_at is not null or secret_ciphertext is not null`),
  ],
);
