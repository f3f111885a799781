/**
 * Price alerts and the notifications they leave when they fire (modules/alerts).
 * `revision` counts edits: an evaluator fires an alert only at the revision it indexed, so a
 * threshold edited meanwhile never fires at its old value. The guarded
 * `UPDATE ... WHERE status = 'ACTIVE' AND revision = $r RETURNING` is what makes a crossing
 * fire once, whichever evaluator (or restart) sees it.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, decimal, sqlList, updatedAt } from './columns.js';
import { users } from './users.js';

export const ALERT_CONDITIONS = ['PRICE_ABOVE', 'PRICE_BELOW', 'PERCENT_MOVE'] as const;
export const ALERT_STATUSES = ['ACTIVE', 'TRIGGERED'] as const;

export const priceAlerts = pgTable(
  'price_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    symbol: varchar('symbol', { length: 20 }).notNull(),
    condition: varchar('condition', { length: 16, enum: ALERT_CONDITIONS }).notNull(),
    /** PRICE_ABOVE / PRICE_BELOW threshold. */
    price: decimal('price'),
    /** PERCENT_MOVE: the move in percent over `window_minutes`. */
    percent: decimal('percent'),
    windowMinutes: integer('window_minutes'),
    note: varchar('note', { length: 140 }).notNull().default(''),
    status: varchar('status', { length: 16, enum: ALERT_STATUSES }).notNull().default('ACTIVE'),
    revision: integer('revision').notNull().default(1),
    triggeredAt: timestamp('triggered_at', { withTimezone: true }),
    triggeredPrice: decimal('triggered_price'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('price_alerts_user_created_idx').on(t.userId, t.createdAt),
    // The evaluators load the armed alerts at start.
    index('price_alerts_active_idx').on(t.symbol).where(sql`status = 'ACTIVE'`),
    check('price_alerts_condition_known', sql.raw(`condition in (${sqlList(ALERT_CONDITIONS)})`)),
    check('price_alerts_status_known', sql.raw(`status in (${sqlList(ALERT_STATUSES)})`)),
    check(
      'price_alerts_parameters',
      sql`(condition = 'PERCENT_MOVE' and percent > 0 and window_minutes > 0 and price is null)
        or (condition <> 'PERCENT_MOVE' and price > 0 and percent is null and window_minutes is null)`,
    ),
  ],
);

export const alertNotifications = pgTable(
  'alert_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Null once the alert is deleted: the notification stays in the centre. */
    alertId: uuid('alert_id').references(() => priceAlerts.id, { onDelete: 'set null' }),
    symbol: varchar('symbol', { length: 20 }).notNull(),
    condition: varchar('condition', { length: 16, enum: ALERT_CONDITIONS }).notNull(),
    price: decimal('price'),
    percent: decimal('percent'),
    windowMinutes: integer('window_minutes'),
    note: varchar('note', { length: 140 }).notNull().default(''),
    triggeredPrice: decimal('triggered_price').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('alert_notifications_user_created_idx').on(t.userId, t.createdAt),
    index('alert_notifications_unread_idx').on(t.userId).where(sql`read_at is null`),
  ],
);
