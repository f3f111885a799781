import { eq, sql } from 'drizzle-orm';
import { users } from '../../db/schema.js';
import type { Database } from '../../ports/db/db-port.js';

export type UserRow = typeof users.$inferSelect;

export async function insertUser(db: Database, values: { username: string; email: string; passwordHash: string }): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  return row!;
}

/** By username, or by e-mail when the login holds an "@" (usernames never do); case-insensitive. */
export async function findUserByLogin(db: Database, login: string): Promise<UserRow | undefined> {
  const column = login.includes('@') ? users.email : users.username;
  // lower(column) = lower($1) is what the unique indexes cover, so this is an index lookup.
  const [row] = await db.select().from(users).where(sql`lower(${column}) = lower(${login})`).limit(1);
  return row;
}

export async function findUserById(db: Database, id: number): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function updateUserEmail(db: Database, id: number, email: string): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set({ email }).where(eq(users.id, id)).returning();
  return row;
}

export async function updateUserPasswordHash(db: Database, id: number, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, id));
}
