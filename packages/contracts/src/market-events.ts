import Type, { type Static } from 'typebox';
import { DecimalString, SymbolName } from './decimal.js';
import { Candle, MarketSources } from './market.js';

/** Bus topics; the message key is always the symbol, so one symbol's events stay ordered. */
export const MarketTopics = { ticks: 'market.ticks', klines: 'market.klines' } as const;

const Source = Type.Enum(MarketSources);

/** market.ticks, v1: a 24 h ticker update from the source. */
export const TickEventV1 = Type.Object({
  v: Type.Literal(1),
  source: Source,
  symbol: SymbolName,
  price: DecimalString(),
  open24h: DecimalString(),
  high24h: DecimalString(),
  low24h: DecimalString(),
  volume24h: DecimalString(),
  eventTime: Type.Integer({ description: 'epoch ms at the source' }),
  seq: Type.Integer({ minimum: 0, description: 'per-symbol sequence from ingest, for gap/duplicate detection' }),
});
export type TickEventV1 = Static<typeof TickEventV1>;

/** market.klines, v1: a 1m candle update; `closed` marks the final version of the minute. */
export const KlineEventV1 = Type.Object({
  v: Type.Literal(1),
  source: Source,
  symbol: SymbolName,
  interval: Type.Literal('1m'),
  ...Candle.properties,
  closed: Type.Boolean(),
  eventTime: Type.Integer(),
  seq: Type.Optional(Type.Integer({ minimum: 0, description: 'per-symbol sequence of market.klines from ingest, like TickEventV1.seq' })),
});
export type KlineEventV1 = Static<typeof KlineEventV1>;
