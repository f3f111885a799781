/** The alert centre: a user's fired alerts, newest first, and marking them read. */
import type { AlertNotificationsQuery, AlertNotificationsResponse } from '@cryptosim/contracts';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { alertNotifications } from '../../db/schema.js';
import { AppError } from '../../kernel/app-error.js';
import type { Database } from '../../ports/db/db-port.js';
import { toNotificationView } from './alert-view.js';

async function unreadCount(db: Database, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(alertNotifications)
    .where(and(eq(alertNotifications.userId, userId), isNull(alertNotifications.readAt)));
  return row?.n ?? 0;
}

export async function listNotifications(db: Database, userId: number, query: AlertNotificationsQuery): Promise<AlertNotificationsResponse> {
  const mine = eq(alertNotifications.userId, userId);
  const rows = await db
    .select()
    .from(alertNotifications)
    .where(query.unread ? and(mine, isNull(alertNotifications.readAt)) : mine)
    .orderBy(desc(alertNotifications.createdAt), desc(alertNotifications.id))
    .limit(query.limit ?? 50);
  return { notifications: rows.map(toNotificationView), unread: await unreadCount(db, userId) };
}

export async function markNotificationRead(db: Database, userId: number, id: string): Promise<{ unread: number }> {
  const rows = await db
    .update(alertNotifications)
    .set({ readAt: new Date() })
    .where(and(eq(alertNotifications.id, id), eq(alertNotifications.userId, userId)))
    .returning({ id: alertNotifications.id });
  if (rows.length === 0) throw new AppError('NOT_FOUND', 404, 'No such notification.');
  return { unread: await unreadCount(db, userId) };
}

export async function markAllNotificationsRead(db: Database, userId: number): Promise<{ unread: number }> {
  await db
    .update(alertNotifications)
    .set({ readAt: new Date() })
    .where(and(eq(alertNotifications.userId, userId), isNull(alertNotifications.readAt)));
  return { unread: await unreadCount(db, userId) };
}
