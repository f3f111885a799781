import Type, { type Static } from 'typebox';
import { DecimalString, SymbolName } from './decimal.js';
import { LiteralUnion } from './literal-union.js';

/**
 * Price alerts (docs/API.md "Alerts"): `PRICE_ABOVE` / `PRICE_BELOW` fire when the live price
 * reaches `price` from the other side; `PERCENT_MOVE` fires when the price has moved `percent`
 * (up or down) within the last `windowMinutes` minutes.
 */
export const AlertConditions = ['PRICE_ABOVE', 'PRICE_BELOW', 'PERCENT_MOVE'] as const;
export type AlertCondition = (typeof AlertConditions)[number];

/** `ACTIVE`: armed, watched on every tick; `TRIGGERED`: fired once, waits for a re-arm (PATCH). */
export const AlertStatuses = ['ACTIVE', 'TRIGGERED'] as const;
export type AlertStatus = (typeof AlertStatuses)[number];

/** Active alerts a user may hold at once (triggered ones do not count). */
export const MAX_ACTIVE_ALERTS_PER_USER = 100;
/** The longest `PERCENT_MOVE` window: one day. */
export const MAX_ALERT_WINDOW_MINUTES = 1440;

const Percent = Type.String({
  pattern: '^(0|[1-9][0-9]{0,1})(\\.[0-9]{1,4})?$|^100$',
  description: 'A move in percent, more than 0 and at most 100, e.g. "2.5"',
});
const WindowMinutes = Type.Integer({ minimum: 1, maximum: MAX_ALERT_WINDOW_MINUTES, description: 'PERCENT_MOVE: the window in minutes (1–1440)' });
const Note = Type.String({ maxLength: 140, pattern: '^[^\\u0000-\\u001f\\u007f]*$', description: 'Optional text shown with the notification' });

export const CreateAlertRequest = Type.Object(
  {
    symbol: SymbolName,
    condition: LiteralUnion(AlertConditions),
    price: Type.Optional(DecimalString('PRICE_ABOVE / PRICE_BELOW: the threshold')),
    percent: Type.Optional(Percent),
    windowMinutes: Type.Optional(WindowMinutes),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type CreateAlertRequest = Static<typeof CreateAlertRequest>;

/** Edits an alert; the alert is ACTIVE (armed again) afterwards, whatever it was. */
export const UpdateAlertRequest = Type.Object(
  {
    price: Type.Optional(DecimalString('PRICE_ABOVE / PRICE_BELOW: the new threshold')),
    percent: Type.Optional(Percent),
    windowMinutes: Type.Optional(WindowMinutes),
    note: Type.Optional(Note),
  },
  { additionalProperties: false },
);
export type UpdateAlertRequest = Static<typeof UpdateAlertRequest>;

export const Alert = Type.Object({
  id: Type.String({ format: 'uuid' }),
  symbol: Type.String(),
  condition: LiteralUnion(AlertConditions),
  price: Type.Union([Type.String(), Type.Null()]),
  percent: Type.Union([Type.String(), Type.Null()]),
  windowMinutes: Type.Union([Type.Integer(), Type.Null()]),
  note: Type.String(),
  status: LiteralUnion(AlertStatuses),
  triggeredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  triggeredPrice: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Alert = Static<typeof Alert>;

export const AlertsResponse = Type.Object({ alerts: Type.Array(Alert) });
export type AlertsResponse = Static<typeof AlertsResponse>;

export const AlertIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type AlertIdParams = Static<typeof AlertIdParams>;

/** A fired alert, as stored for the alert centre and pushed on /ws/alerts. */
export const AlertNotification = Type.Object({
  id: Type.String({ format: 'uuid' }),
  alertId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: 'null once the alert is deleted' }),
  symbol: Type.String(),
  condition: LiteralUnion(AlertConditions),
  price: Type.Union([Type.String(), Type.Null()]),
  percent: Type.Union([Type.String(), Type.Null()]),
  windowMinutes: Type.Union([Type.Integer(), Type.Null()]),
  note: Type.String(),
  triggeredPrice: Type.String({ description: 'The price of the tick that fired it' }),
  read: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AlertNotification = Static<typeof AlertNotification>;

export const AlertNotificationsQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })), unread: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type AlertNotificationsQuery = Static<typeof AlertNotificationsQuery>;

export const AlertNotificationsResponse = Type.Object({
  notifications: Type.Array(AlertNotification),
  unread: Type.Integer({ description: 'Unread notifications in all' }),
});
export type AlertNotificationsResponse = Static<typeof AlertNotificationsResponse>;

export const MarkReadResponse = Type.Object({ unread: Type.Integer() });
export type MarkReadResponse = Static<typeof MarkReadResponse>;

export const AlertFrame = Type.Object({ type: Type.Literal('alert'), data: AlertNotification });
export type AlertFrame = Static<typeof AlertFrame>;
