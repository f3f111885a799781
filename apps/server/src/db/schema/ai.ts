/**
 * Models, their stored predictions (the live track record) and assistant conversations.
 */
import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, decimal, sqlList } from './columns.js';
import { users } from './users.js';

export const MODEL_STATUSES = ['candidate', 'active', 'retired'] as const;
export const PREDICTION_LABELS = ['UP', 'DOWN', 'FLAT'] as const;
export const CHAT_ROLES = ['system', 'user', 'assistant', 'tool'] as const;

export const models = pgTable(
  'models',
  {
    version: varchar('version', { length: 64 }).primaryKey(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    metrics: jsonb('metrics').$type<Record<string, unknown>>().notNull(),
    /**
     * XGBoost's own JSON model plus the class list, stored verbatim as text: jsonb would
     * re-format its float literals and pay a parse on every write of a multi-megabyte
     * document that is never queried into.
     */
    artifact: text('artifact').notNull(),
    status: varchar('status', { length: 16, enum: MODEL_STATUSES }).notNull().default('candidate'),
    createdAt: createdAt(),
  },
  (t) => [
    index('models_status_created_idx').on(t.status, t.createdAt),
    // At most one active model: a second activation racing the first fails instead of committing.
    uniqueIndex('models_one_active').on(t.status).where(sql`status = 'active'`),
    check('models_status_known', sql.raw(`status in (${sqlList(MODEL_STATUSES)})`)),
  ],
);

export const predictions = pgTable(
  'predictions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // No cascade: a model's track record outlives the model's use.
    modelVersion: varchar('model_version', { length: 64 })
      .notNull()
      .references(() => models.version),
    symbol: varchar('symbol', { length: 20 }).notNull(),
    horizon: varchar('horizon', { length: 8 }).notNull(),
    label: varchar('label', { length: 4, enum: PREDICTION_LABELS }).notNull(),
    probabilities: jsonb('probabilities').$type<Record<(typeof PREDICTION_LABELS)[number], number>>().notNull(),
    /** Price when predicted; the outcome compares the price at `resolve_at` with it. */
    priceAt: decimal('price_at').notNull(),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
    resolveAt: timestamp('resolve_at', { withTimezone: true }).notNull(),
    resolvedPrice: decimal('resolved_price'),
    outcome: varchar('outcome', { length: 4, enum: PREDICTION_LABELS }),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
  },
  (t) => [
    index('predictions_symbol_generated_idx').on(t.symbol, t.horizon, t.generatedAt),
    index('predictions_model_idx').on(t.modelVersion, t.scoredAt),
    // One prediction per model, symbol and bar: the predict job re-running over a bar adds nothing.
    uniqueIndex('predictions_model_symbol_bar').on(t.modelVersion, t.symbol, t.horizon, t.resolveAt),
    // The scoring job looks only at predictions still waiting for their horizon.
    index('predictions_unscored_idx').on(t.resolveAt).where(sql`scored_at is null`),
    check('predictions_label_known', sql.raw(`label in (${sqlList(PREDICTION_LABELS)})`)),
    check('predictions_outcome_known', sql.raw(`outcome is null or outcome in (${sqlList(PREDICTION_LABELS)})`)),
  ],
);

export const CHAT_MODES = ['builtin', 'llm'] as const;

/** One assistant conversation of one user; its messages go with it (cascade). */
export const chatConversations = pgTable(
  'chat_conversations',
  {
    id: uuid('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: varchar('title', { length: 120 }).notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('chat_conversations_user_updated_idx').on(t.userId, t.updatedAt, t.id)],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => chatConversations.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: varchar('role', { length: 16, enum: CHAT_ROLES }).notNull(),
    content: text('content').notNull(),
    toolCalls: jsonb('tool_calls').$type<unknown[]>(),
    /** Order drafts and notes (fallback, unverified figures) shown beside an assistant reply. */
    drafts: jsonb('drafts').$type<unknown[]>(),
    notes: jsonb('notes').$type<unknown[]>(),
    /** Which assistant wrote it (assistant messages only). */
    mode: varchar('mode', { length: 16, enum: CHAT_MODES }),
    createdAt: createdAt(),
  },
  (t) => [
    index('chat_messages_conversation_idx').on(t.conversationId, t.id),
    index('chat_messages_user_created_idx').on(t.userId, t.createdAt),
    check('chat_messages_role_known', sql.raw(`role in (${sqlList(CHAT_ROLES)})`)),
  ],
);
