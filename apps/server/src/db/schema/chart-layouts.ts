/**
 * Each user's chart view (timeframe, indicators, their settings), one row per user. Stored as
 * the JSON the API validated (ChartLayout), since the web app reads and writes it whole.
 */
import { integer, jsonb, pgTable } from 'drizzle-orm/pg-core';
import type { ChartLayout } from '@cryptosim/contracts';
import { updatedAt } from './columns.js';
import { users } from './users.js';

export const chartLayouts = pgTable('chart_layouts', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  layout: jsonb('layout').$type<ChartLayout>().notNull(),
  updatedAt: updatedAt(),
});
