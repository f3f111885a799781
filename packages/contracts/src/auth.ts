import Type, { type Static } from 'typebox';
import { DecimalString } from './decimal.js';
import { PongFrame, WsErrorFrame } from './market-ws.js';
import { Portfolio } from './portfolio.js';
import { Order } from './trading.js';
import { AlertFrame } from './alerts.js';

/** ASCII only: look-alike letters (Cyrillic "а", fullwidth "ａ") cannot make a second "admin". */
export const Username = Type.String({
  minLength: 3,
  maxLength: 50,
  pattern: '^[A-Za-z0-9_]+$',
  description: '3–50 characters: letters A–Z, digits and underscore; unique regardless of case',
});

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/**
 * An ASCII e-mail address. Surrounding spaces are allowed and trimmed by the server, which
 * also lowercases the domain; uniqueness ignores case.
 */
export const Email = Type.String({
  maxLength: 100,
  pattern: `^\\s*[A-Za-z0-9.!#$%&'*+/=?^_\`{|}~-]{1,64}@${LABEL}(?:\\.${LABEL})+\\s*$`,
  description: 'E-mail address (ASCII); unique regardless of case',
});

export const NewPassword = Type.String({ minLength: 8, maxLength: 128, description: '8–128 characters' });

export const RegisterRequest = Type.Object(
  { username: Username, email: Email, password: NewPassword },
  { additionalProperties: false },
);
export type RegisterRequest = Static<typeof RegisterRequest>;

export const LoginRequest = Type.Object(
  {
    // No control characters: PostgreSQL text cannot hold NUL, and no name or address has them.
    username: Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$', description: 'Username or e-mail address' }),
    password: Type.String({ minLength: 1, maxLength: 128 }),
    deviceToken: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'deviceToken of an earlier sign-in to this account: lets it sign in while the account is locked' }),
    ),
  },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const RefreshTokenString = Type.String({
  minLength: 1,
  maxLength: 256,
  description: 'Opaque refresh token returned by register, login or refresh',
});

export const RefreshRequest = Type.Object({ refreshToken: RefreshTokenString }, { additionalProperties: false });
export type RefreshRequest = Static<typeof RefreshRequest>;
export const LogoutRequest = RefreshRequest;
export type LogoutRequest = RefreshRequest;

export const UpdateMeRequest = Type.Object({ email: Email }, { additionalProperties: false });
export type UpdateMeRequest = Static<typeof UpdateMeRequest>;

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 128 }), newPassword: NewPassword },
  { additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

export const User = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  email: Type.String(),
  balance: DecimalString('Total cash in USDT, without trailing zeros ("100000", "99873.5")'),
  initialBalance: DecimalString('Cash the account started with (100000 USDT)'),
  createdAt: Type.String({ format: 'date-time' }),
});
export type User = Static<typeof User>;

export const AuthResponse = Type.Object({
  user: User,
  accessToken: Type.String({ description: 'JWT (HS256); send as `Authorization: Bearer <token>`' }),
  refreshToken: Type.String({ description: 'Opaque; single use: each refresh returns a new one' }),
  expiresIn: Type.Integer({ description: 'Access token lifetime in seconds (900)' }),
  deviceToken: Type.Optional(Type.String({ description: 'Register and login: keep it and send it with later logins (see LoginRequest.deviceToken)' })),
});
export type AuthResponse = Static<typeof AuthResponse>;

export const AuthEventKinds = [
  'register',
  'login',
  'login_failed',
  'refresh',
  'refresh_reuse',
  'logout',
  'password_change',
  'email_change',
  'session_revoked',
  'login_locked',
] as const;
export type AuthEventKind = (typeof AuthEventKinds)[number];

export const AuthEvent = Type.Object({
  id: Type.Integer(),
  kind: Type.Enum(AuthEventKinds),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type AuthEvent = Static<typeof AuthEvent>;

/** `limit` and the opaque `cursor` of every newest-first list (docs/API.md). */
export const AuthEventsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 64, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export type AuthEventsQuery = Static<typeof AuthEventsQuery>;

export const AuthEventsResponse = Type.Object({
  events: Type.Array(AuthEvent),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type AuthEventsResponse = Static<typeof AuthEventsResponse>;

/** One signed-in device: a refresh-token family. */
export const Session = Type.Object({
  id: Type.String({ format: 'uuid' }),
  createdAt: Type.String({ format: 'date-time', description: 'When the login happened' }),
  lastUsedAt: Type.String({ format: 'date-time', description: 'Last login or refresh' }),
  current: Type.Boolean({ description: 'True for the session of the access token making the request' }),
});
export type Session = Static<typeof Session>;
export const SessionsResponse = Type.Object({ sessions: Type.Array(Session) });
export type SessionsResponse = Static<typeof SessionsResponse>;
export const SessionParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export type SessionParams = Static<typeof SessionParams>;

/** Frames of the authenticated channels /ws/portfolio and /ws/orders. */
export const UserSocketAuthFrame = Type.Object(
  { op: Type.Literal('auth'), token: Type.String({ minLength: 1, maxLength: 4096 }) },
  { additionalProperties: false },
);
export type UserSocketAuthFrame = Static<typeof UserSocketAuthFrame>;
export const SocketAuthedFrame = Type.Object({
  type: Type.Literal('authenticated'),
  userId: Type.Integer(),
  expiresAt: Type.Integer({ description: 'epoch ms when the access token expires; re-send {op:"auth"} before then' }),
});
export type SocketAuthedFrame = Static<typeof SocketAuthedFrame>;
export const OrderFrame = Type.Object({ type: Type.Literal('order'), data: Order });
export type OrderFrame = Static<typeof OrderFrame>;
export const PortfolioFrame = Type.Object({ type: Type.Literal('portfolio'), data: Portfolio });
export type PortfolioFrame = Static<typeof PortfolioFrame>;
/** What /ws/orders, /ws/portfolio and /ws/alerts send; errors and pongs are those of /ws/prices. */
export const UserSocketServerFrame = Type.Union([SocketAuthedFrame, OrderFrame, PortfolioFrame, AlertFrame, WsErrorFrame, PongFrame]);
export type UserSocketServerFrame = Static<typeof UserSocketServerFrame>;
/** Close code of a socket whose token is missing, invalid or expired. */
export const WS_CLOSE_UNAUTHORIZED = 4401;
/** Close code of a WebSocket over the per-address or per-user cap of open sockets (any channel). */
export const WS_CLOSE_TOO_MANY_SOCKETS = 4429;
