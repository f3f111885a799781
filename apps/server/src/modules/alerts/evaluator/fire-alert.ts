/**
 * Fires one alert the index says a tick crossed. The guarded update decides: only the
 * evaluator whose `UPDATE ... WHERE status = 'ACTIVE' AND revision = r RETURNING` gets the row
 * back fires, so two evaluators, a redelivered batch or a restart never fire a crossing twice,
 * and an alert edited or deleted meanwhile does not fire at its old threshold. The notification
 * is written in the same transaction, then pushed to the user's /ws/alerts sockets.
 */
import type { AlertNotification } from '@cryptosim/contracts';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { alertNotifications, priceAlerts } from '../../../db/schema.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import type { Database } from '../../../ports/db/db-port.js';
import { publishUserEvent } from '../../accounts/index.js';
import { toNotificationView } from '../alert-view.js';
import type { IndexedAlert } from './alert-index.js';

export async function fireAlert(
  deps: { db: Database; cache: CachePort; logger: Pick<Logger, 'warn'> },
  alert: IndexedAlert,
  price: string,
): Promise<AlertNotification | null> {
  const notification = await deps.db.transaction(async (tx) => {
    const [fired] = await tx
      .update(priceAlerts)
      .set({ status: 'TRIGGERED', triggeredAt: new Date(), triggeredPrice: price })
      .where(and(eq(priceAlerts.id, alert.id), eq(priceAlerts.status, 'ACTIVE'), eq(priceAlerts.revision, alert.revision)))
      .returning();
    if (!fired) return null;
    const [row] = await tx
      .insert(alertNotifications)
      .values({
        userId: fired.userId,
        alertId: fired.id,
        symbol: fired.symbol,
        condition: fired.condition,
        price: fired.price,
        percent: fired.percent,
        windowMinutes: fired.windowMinutes,
        note: fired.note,
        triggeredPrice: price,
      })
      .returning();
    return toNotificationView(row!);
  });
  if (notification) {
    // Durable already: a lost live event is only logged; the centre lists it on the next read.
    publishUserEvent(deps.cache, alert.userId, 'alert', notification).catch((err: unknown) => {
      deps.logger.warn({ err, alertId: alert.id }, 'alert fired but its live event could not be published');
    });
  }
  return notification;
}
