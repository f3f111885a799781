import type { AuthEventKind } from '@cryptosim/contracts';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Logger } from 'pino';
import { authEvents } from '../../db/schema.js';
import type { Database } from '../../ports/db/db-port.js';

/** Who made a request, as the audit trail records it; routes fill it from the request. */
export interface ClientInfo {
  ip: string;
  userAgent: string | undefined;
}

export type AuthEventRow = typeof authEvents.$inferSelect;

/**
 * Writes one audit row (what users see at GET /api/auth/events) and one log line (what
 * operators alert on, e.g. a burst of login_failed from one address).
 */
export async function recordAuthEvent(
  db: Database,
  logger: Pick<Logger, 'info'>,
  event: { kind: AuthEventKind; userId: number | null; client: ClientInfo },
): Promise<void> {
  const { kind, userId, client } = event;
  await db.insert(authEvents).values({
    kind,
    userId,
    ip: client.ip.slice(0, 64),
    userAgent: client.userAgent?.slice(0, 512) ?? null,
  });
  logger.info({ authEvent: kind, userId, ip: client.ip }, `auth event: ${kind}`);
}

/** The user's own events, newest first, strictly older than `beforeId` when given. */
export async function listAuthEventsOf(db: Database, userId: number, limit: number, beforeId?: number): Promise<AuthEventRow[]> {
  const own = eq(authEvents.userId, userId);
  return db
    .select()
    .from(authEvents)
    .where(beforeId === undefined ? own : and(own, lt(authEvents.id, beforeId)))
    .orderBy(desc(authEvents.id))
    .limit(limit);
}
