/** refresh_tokens: one row per issued token; a family is one login and its rotations. */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { refreshTokens } from '../../db/schema.js';
import type { Database } from '../../ports/db/db-port.js';

export type RefreshTokenRow = typeof refreshTokens.$inferSelect;

export async function insertRefreshToken(
  db: Database,
  values: { userId: number; familyId: string; tokenHash: string; expiresAt: Date },
): Promise<number> {
  const [row] = await db.insert(refreshTokens).values(values).returning({ id: refreshTokens.id });
  return row!.id;
}

/** Locks the row, so two refreshes with one token run one after the other. */
export async function findRefreshTokenForUpdate(db: Database, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).for('update').limit(1);
  return row;
}

export async function findRefreshTokenById(db: Database, id: number): Promise<RefreshTokenRow | undefined> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.id, id)).limit(1);
  return row;
}

export async function findRefreshToken(db: Database, tokenHash: string): Promise<RefreshTokenRow | undefined> {
  const [row] = await db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash)).limit(1);
  return row;
}

export async function markRotated(db: Database, id: number, replacedBy: number): Promise<void> {
  await db.update(refreshTokens).set({ replacedBy }).where(eq(refreshTokens.id, id));
}

/** Revokes every live token of one family (of one user); returns how many were live. */
export async function revokeFamily(db: Database, userId: number, familyId: string): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

/** Signs out every session of the user but `keepFamilyId`; returns the families signed out. */
export async function revokeOtherFamilies(db: Database, userId: number, keepFamilyId: string): Promise<string[]> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), ne(refreshTokens.familyId, keepFamilyId), isNull(refreshTokens.revokedAt)))
    .returning({ familyId: refreshTokens.familyId });
  return [...new Set(rows.map((r) => r.familyId))];
}

export interface SessionRow {
  familyId: string;
  createdAt: Date;
  lastUsedAt: Date;
}

/** Families that still hold a usable token (not rotated, revoked or expired), newest first. */
export async function listLiveSessions(db: Database, userId: number): Promise<SessionRow[]> {
  const rows = await db
    .select({
      familyId: refreshTokens.familyId,
      createdAt: sql<string>`min(${refreshTokens.createdAt})`,
      lastUsedAt: sql<string>`max(${refreshTokens.createdAt})`,
    })
    .from(refreshTokens)
    .where(eq(refreshTokens.userId, userId))
    .groupBy(refreshTokens.familyId)
    .having(
      sql`bool_or(${refreshTokens.revokedAt} is null and ${refreshTokens.replacedBy} is null and ${refreshTokens.expiresAt} > now())`,
    )
    .orderBy(sql`max(${refreshTokens.createdAt}) desc`);
  return rows.map((r) => ({ familyId: r.familyId, createdAt: new Date(r.createdAt), lastUsedAt: new Date(r.lastUsedAt) }));
}
