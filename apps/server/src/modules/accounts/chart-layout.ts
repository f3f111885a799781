/**
 * Each user's chart layout: read (the default until one is saved) and replaced whole. The
 * route's schema has already checked the shape and every bound.
 */
import { eq } from 'drizzle-orm';
import { DEFAULT_CHART_LAYOUT, type ChartLayout } from '@cryptosim/contracts';
import { chartLayouts } from '../../db/schema.js';
import type { AccountsDeps } from './accounts-deps.js';

export async function getChartLayout(db: AccountsDeps['db'], userId: number): Promise<ChartLayout> {
  const [row] = await db.select({ layout: chartLayouts.layout }).from(chartLayouts).where(eq(chartLayouts.userId, userId));
  return row?.layout ?? DEFAULT_CHART_LAYOUT;
}

export async function saveChartLayout(db: AccountsDeps['db'], userId: number, layout: ChartLayout): Promise<ChartLayout> {
  // Only the fields the schema names, in a fixed order, whatever the client sent along.
  const stored: ChartLayout = { interval: layout.interval, indicators: [...layout.indicators], periods: { ...layout.periods } };
  await db
    .insert(chartLayouts)
    .values({ userId, layout: stored })
    .onConflictDoUpdate({ target: chartLayouts.userId, set: { layout: stored, updatedAt: new Date() } });
  return stored;
}
