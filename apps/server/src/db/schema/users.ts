/**
 * Accounts and authentication: the seed's `users`, plus refresh tokens and an audit trail.
 */
import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, serial, timestamp, uniqueIndex, uuid, varchar, type AnyPgColumn, pgTable } from 'drizzle-orm/pg-core';
import { createdAt, decimal, updatedAt } from './columns.js';

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: varchar('username', { length: 50 }).notNull(),
    email: varchar('email', { length: 100 }).notNull(),
    passwordHash: varchar('password_hash', { length: 255 }).notNull(),
    /** Total cash in USDT, including `reserved_balance`; free cash is balance - reserved. */
    balance: decimal('balance').notNull().default('100000'),
    initialBalance: decimal('initial_balance').notNull().default('100000'),
    /** Cash held for open buy orders, so it is never spent twice. */
    reservedBalance: decimal('reserved_balance').notNull().default('0'),
    /** Current run; an account reset increments it and earlier rows keep their run. */
    run: integer('run').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Case-insensitive: "Alice" and "alice" are one account, as are two spellings of an email.
    uniqueIndex('users_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    // The last line of defence against overspending: a guarded update that would break
    // these fails instead of committing a negative or over-reserved balance.
    check('users_balance_non_negative', sql`${t.balance} >= 0`),
    check('users_reserved_within_balance', sql`${t.reservedBalance} >= 0 and ${t.reservedBalance} <= ${t.balance}`),
    check('users_run_positive', sql`${t.run} >= 1`),
  ],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** SHA-256 hex of the token; the token itself is never stored. */
    tokenHash: varchar('token_hash', { length: 64 }).notNull().unique('refresh_tokens_token_hash_key'),
    /** All tokens of one login share a family; reuse of a rotated token revokes the family. */
    familyId: uuid('family_id').notNull(),
    replacedBy: bigint('replaced_by', { mode: 'number' }).references((): AnyPgColumn => refreshTokens.id, {
      onDelete: 'set null',
    }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_user_idx').on(t.userId)],
);

export const authEvents = pgTable(
  'auth_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** Null for attempts on unknown accounts; kept (set null) when a user is deleted. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** e.g. register, login, login_failed, refresh, refresh_reuse, logout. */
    kind: varchar('kind', { length: 32 }).notNull(),
    ip: varchar('ip', { length: 64 }),
    userAgent: varchar('user_agent', { length: 512 }),
    createdAt: createdAt(),
  },
  (t) => [
    index('auth_events_user_time_idx').on(t.userId, t.createdAt),
    index('auth_events_ip_time_idx').on(t.ip, t.createdAt),
  ],
);
