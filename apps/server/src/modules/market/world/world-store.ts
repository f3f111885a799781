/** The market_world row: read, recorded once (the first writer wins), and its checkpoint kept current. */
import { eq, sql } from 'drizzle-orm';
import type { MarketWorld } from '@cryptosim/contracts';
import { marketWorld } from '../../../db/schema.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import type { SourceCheckpoint } from '../../../ports/market/market-source.js';

export interface StoredWorld {
  world: MarketWorld;
  checkpoint: SourceCheckpoint | null;
}

export async function readWorld(db: DbPort): Promise<StoredWorld | undefined> {
  const [row] = await db.db.select().from(marketWorld).where(eq(marketWorld.id, 1));
  if (!row) return undefined;
  const world: MarketWorld = { kind: row.kind, since: row.createdAt.getTime() };
  if (row.seed !== null) world.seed = row.seed;
  if (row.checksum !== null) world.checksum = row.checksum;
  return { world, checkpoint: (row.checkpoint as SourceCheckpoint | null) ?? null };
}

/** Records the world unless one already is (another process may decide at the same time); returns the stored one. */
export async function recordWorld(db: DbPort, world: Omit<MarketWorld, 'since'>): Promise<StoredWorld> {
  await db.db
    .insert(marketWorld)
    .values({ id: 1, kind: world.kind, seed: world.seed ?? null, checksum: world.checksum ?? null })
    .onConflictDoNothing();
  const stored = await readWorld(db);
  if (!stored) throw new Error('market world not found right after recording it');
  return stored;
}

/** `null` forgets where the feed stopped (a replay asked to start over). */
export async function saveCheckpoint(db: DbPort, checkpoint: SourceCheckpoint | null): Promise<void> {
  await db.db
    .update(marketWorld)
    .set({ checkpoint: checkpoint === null ? sql`null` : (checkpoint as Record<string, unknown>) })
    .where(eq(marketWorld.id, 1));
}
