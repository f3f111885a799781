import Type, { type Static } from 'typebox';

/** Stable machine codes carried by every problem+json reply (docs/API.md). */
export const ErrorCodes = [
  'VALIDATION_FAILED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'HEADERS_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNKNOWN_SYMBOL',
  'INSUFFICIENT_BALANCE',
  'INSUFFICIENT_POSITION',
  'LOT_SIZE',
  'MIN_NOTIONAL',
  'PRICE_FILTER',
  'WOULD_TRIGGER_IMMEDIATELY',
  'WOULD_MATCH_IMMEDIATELY',
  'DUPLICATE_CLIENT_ORDER_ID',
  'ORDER_NOT_CANCELABLE',
  'ORDER_NOT_OPEN',
  'NO_PRICE',
  'DEPTH_UNAVAILABLE',
  'TRADES_UNAVAILABLE',
  'MODEL_UNAVAILABLE',
  'SYMBOL_NOT_COVERED',
  'RATE_LIMITED',
  'ACCOUNT_LOCKED',
  'WATCHLIST_FULL',
  'USERNAME_TAKEN',
  'EMAIL_TAKEN',
  'SERVICE_UNAVAILABLE',
  'ALERT_LIMIT_REACHED',
  'ALERT_CONDITION_MET',
  'INTERNAL_ERROR',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

export const ValidationIssue = Type.Object({
  path: Type.String({ description: 'JSON pointer of the offending field, "" for the whole body' }),
  message: Type.String(),
});
export type ValidationIssue = Static<typeof ValidationIssue>;

/** RFC 9457 problem details, as every error reply carries. */
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable UPPER_SNAKE machine code' }),
    errors: Type.Optional(Type.Array(ValidationIssue)),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
