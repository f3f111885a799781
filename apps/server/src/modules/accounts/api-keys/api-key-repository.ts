import { and, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { apiKeys, users } from '../../../db/schema.js';
import type { Database } from '../../../ports/db/db-port.js';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;

/**
 * Inserts the key unless the user already holds `max` live keys. The user's row is locked for
 * the count, so two concurrent creations cannot both pass the limit.
 */
export async function insertApiKeyWithin(db: Database, row: NewApiKeyRow, max: number): Promise<ApiKeyRow | undefined> {
  return db.transaction(async (tx) => {
    await tx.select({ id: users.id }).from(users).where(eq(users.id, row.userId)).for('update');
    const [{ live } = { live: 0 }] = await tx
      .select({ live: sql<number>`count(*)::int` })
      .from(apiKeys)
      .where(and(eq(apiKeys.userId, row.userId), isNull(apiKeys.revokedAt)));
    if (live >= max) return undefined;
    const [inserted] = await tx.insert(apiKeys).values(row).returning();
    return inserted;
  });
}

/** The user's live keys, newest first. */
export function listLiveApiKeys(db: Database, userId: number): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Revokes one of the user's live keys and erases its secret; false when there is none such. */
export async function revokeApiKey(db: Database, userId: number, id: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date(), secretCiphertext: null })
    .where(and(eq(apiKeys.id, id), eq(apiKeys.userId, userId), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return rows.length === 1;
}

/** Whether the key (by id) exists and is not revoked. */
export async function apiKeyIsLive(db: Database, id: string): Promise<boolean> {
  const rows = await db.select({ id: apiKeys.id }).from(apiKeys).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).limit(1);
  return rows.length === 1;
}

/** What a signed request reads of its key on every request: whether it is live, whose it is, what it may do. */
const keyState = {
  id: apiKeys.id,
  userId: apiKeys.userId,
  canRead: apiKeys.canRead,
  canTrade: apiKeys.canTrade,
  lastUsedAt: apiKeys.lastUsedAt,
  revokedAt: apiKeys.revokedAt,
};
/** What never changes for a key: read only when a process first sees it. */
const keyMaterial = {
  type: apiKeys.type,
  secretCiphertext: apiKeys.secretCiphertext,
  publicKey: apiKeys.publicKey,
  ipAllowlist: apiKeys.ipAllowlist,
};

export type ApiKeyState = { [K in keyof typeof keyState]: ApiKeyRow[K] };
export type ApiKeyMaterialRow = ApiKeyState & { [K in keyof typeof keyMaterial]: ApiKeyRow[K] };

/** Records use to the minute; a replica that wrote it within the minute already makes this a no-op. */
export async function touchApiKey(db: Database, id: string, at: Date): Promise<void> {
  const minuteAgo = new Date(at.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: at })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, minuteAgo))));
}

/** Many keys' rows in one lookup on the unique api_key index (each row says which key it is). */
export async function findApiKeys(db: Database, keys: string[], withMaterial: boolean): Promise<Array<(ApiKeyState | ApiKeyMaterialRow) & { apiKey: string }>> {
  const columns = withMaterial ? { apiKey: apiKeys.apiKey, ...keyState, ...keyMaterial } : { apiKey: apiKeys.apiKey, ...keyState };
  return db.select(columns).from(apiKeys).where(inArray(apiKeys.apiKey, keys));
}
