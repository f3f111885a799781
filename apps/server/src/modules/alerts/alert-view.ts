/** Rows → the API's Alert and AlertNotification shapes, and an alert as the index holds it. */
import type { Alert, AlertNotification } from '@cryptosim/contracts';
import { Decimal } from 'decimal.js';
import type { alertNotifications, priceAlerts } from '../../db/schema.js';
import type { IndexedAlert } from './evaluator/alert-index.js';

export type AlertRow = typeof priceAlerts.$inferSelect;
export type NotificationRow = typeof alertNotifications.$inferSelect;

/** NUMERIC(36,18) comes back padded ("100.000000000000000000"); the API shows "100". */
const plain = (value: string | null) => (value === null ? null : new Decimal(value).toFixed());

export function toAlertView(row: AlertRow): Alert {
  return {
    id: row.id,
    symbol: row.symbol,
    condition: row.condition,
    price: plain(row.price),
    percent: plain(row.percent),
    windowMinutes: row.windowMinutes,
    note: row.note,
    status: row.status,
    triggeredAt: row.triggeredAt?.toISOString() ?? null,
    triggeredPrice: plain(row.triggeredPrice),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toNotificationView(row: NotificationRow): AlertNotification {
  return {
    id: row.id,
    alertId: row.alertId,
    symbol: row.symbol,
    condition: row.condition,
    price: plain(row.price),
    percent: plain(row.percent),
    windowMinutes: row.windowMinutes,
    note: row.note,
    triggeredPrice: plain(row.triggeredPrice)!,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toIndexed(row: AlertRow): IndexedAlert {
  return {
    id: row.id,
    userId: row.userId,
    symbol: row.symbol,
    condition: row.condition,
    price: plain(row.price),
    percent: plain(row.percent),
    windowMinutes: row.windowMinutes,
    revision: row.revision,
  };
}
