/**
 * Each user's starred symbols (the markets list's watchlist). One row per star; the primary key
 * makes starring twice a no-op. Rows of a symbol no longer configured stay and are not served.
 */
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { users } from './users.js';

export const watchlistSymbols = pgTable(
  'watchlist_symbols',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    symbol: varchar('symbol', { length: 20 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ name: 'watchlist_symbols_pkey', columns: [t.userId, t.symbol] }), check('watchlist_symbols_symbol_shape', sql`${t.symbol} ~ '^[A-Z0-9]{2,20}$'`)],
);
