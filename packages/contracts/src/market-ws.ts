import Type, { type Static } from 'typebox';
import { SymbolName } from './decimal.js';
import { ErrorCodes } from './errors.js';
import { LiteralUnion } from './literal-union.js';
import { KlineData, PriceRow } from './market.js';

/** `/ws/prices` channels a socket can subscribe to, per symbol. */
export const PriceChannels = ['ticker', 'kline_1m'] as const;
export type PriceChannel = (typeof PriceChannels)[number];
export const PriceChannelSchema = Type.Enum(PriceChannels);

/** At most this many symbols per socket; a subscribe that would exceed it is refused whole. */
export const MAX_SYMBOLS_PER_SOCKET = 50;

const SubscriptionFields = {
  symbols: Type.Array(SymbolName, { minItems: 1, maxItems: MAX_SYMBOLS_PER_SOCKET }),
  channels: Type.Optional(
    Type.Array(PriceChannelSchema, { minItems: 1, maxItems: PriceChannels.length, description: 'default: every channel' }),
  ),
};

export const PricesSubscribe = Type.Object(
  { op: Type.Literal('subscribe'), ...SubscriptionFields },
  { additionalProperties: false },
);
export type PricesSubscribe = Static<typeof PricesSubscribe>;

export const PricesUnsubscribe = Type.Object(
  { op: Type.Literal('unsubscribe'), ...SubscriptionFields },
  { additionalProperties: false },
);
export type PricesUnsubscribe = Static<typeof PricesUnsubscribe>;

/** An application-level ping for clients (browsers) that cannot see protocol pings. */
export const PricesPing = Type.Object({ op: Type.Literal('ping') }, { additionalProperties: false });
export type PricesPing = Static<typeof PricesPing>;

export const PricesClientFrame = Type.Union([PricesSubscribe, PricesUnsubscribe, PricesPing]);
export type PricesClientFrame = Static<typeof PricesClientFrame>;

/** Sent once per symbol on subscribe: the latest known state (null before the first update). */
export const SnapshotFrame = Type.Object({
  type: Type.Literal('snapshot'),
  data: Type.Object({
    symbol: SymbolName,
    ticker: Type.Union([PriceRow, Type.Null()]),
    kline: Type.Union([KlineData, Type.Null()]),
  }),
});
export type SnapshotFrame = Static<typeof SnapshotFrame>;

export const TickerFrame = Type.Object({ type: Type.Literal('ticker'), data: PriceRow });
export type TickerFrame = Static<typeof TickerFrame>;

export const KlineFrame = Type.Object({ type: Type.Literal('kline'), data: KlineData });
export type KlineFrame = Static<typeof KlineFrame>;

/** Confirms a subscribe/unsubscribe with the socket's whole subscription afterwards. */
export const SubscriptionFrame = Type.Object({
  type: LiteralUnion(['subscribed', 'unsubscribed']),
  symbols: Type.Array(SymbolName),
  channels: Type.Array(PriceChannelSchema),
});
export type SubscriptionFrame = Static<typeof SubscriptionFrame>;

export const WsErrorFrame = Type.Object({
  type: Type.Literal('error'),
  code: LiteralUnion(ErrorCodes, { description: 'Stable UPPER_SNAKE machine code (VALIDATION_FAILED, UNKNOWN_SYMBOL, …)' }),
  message: Type.String(),
});
export type WsErrorFrame = Static<typeof WsErrorFrame>;

export const PongFrame = Type.Object({ type: Type.Literal('pong'), time: Type.Integer({ description: 'server epoch ms' }) });
export type PongFrame = Static<typeof PongFrame>;

export const PricesServerFrame = Type.Union([SnapshotFrame, TickerFrame, KlineFrame, SubscriptionFrame, WsErrorFrame, PongFrame]);
export type PricesServerFrame = Static<typeof PricesServerFrame>;
