import { and, asc, eq, sql } from 'drizzle-orm';
import { users, watchlistSymbols } from '../../db/schema.js';
import type { Database } from '../../ports/db/db-port.js';

/** The user's starred symbols, oldest star first. */
export async function listWatchlist(db: Database, userId: number): Promise<string[]> {
  const rows = await db
    .select({ symbol: watchlistSymbols.symbol })
    .from(watchlistSymbols)
    .where(eq(watchlistSymbols.userId, userId))
    .orderBy(asc(watchlistSymbols.createdAt), asc(watchlistSymbols.symbol));
  return rows.map((r) => r.symbol);
}

/**
 * Stars the symbol unless it is starred already (then nothing changes) or the user holds `max`
 * stars. The user's row is locked for the count, so two concurrent stars cannot both pass the limit.
 * Returns false only when the limit refused it.
 */
export async function addToWatchlistWithin(db: Database, userId: number, symbol: string, max: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const existing = await tx
      .select({ symbol: watchlistSymbols.symbol })
      .from(watchlistSymbols)
      .where(and(eq(watchlistSymbols.userId, userId), eq(watchlistSymbols.symbol, symbol)));
    if (existing.length > 0) return true;
    const [{ starred } = { starred: 0 }] = await tx
      .select({ starred: sql<number>`count(*)::int` })
      .from(watchlistSymbols)
      .where(eq(watchlistSymbols.userId, userId));
    if (starred >= max) return false;
    await tx.insert(watchlistSymbols).values({ userId, symbol }).onConflictDoNothing();
    return true;
  });
}

/** Removes the star; removing one that is not there changes nothing. */
export async function removeFromWatchlist(db: Database, userId: number, symbol: string): Promise<void> {
  await db.delete(watchlistSymbols).where(and(eq(watchlistSymbols.userId, userId), eq(watchlistSymbols.symbol, symbol)));
}
