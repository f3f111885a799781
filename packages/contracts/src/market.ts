import Type, { type Static } from 'typebox';
import { DecimalString, SignedDecimalString, SymbolName } from './decimal.js';

export const Intervals = ['1m', '3m', '5m', '15m', '30m', '1h', '4h', '1d', '1w'] as const;
export type Interval = (typeof Intervals)[number];

const MINUTE_MS = 60_000;
/** Length of one candle of each interval, in ms. */
export const INTERVAL_MS: Readonly<Record<Interval, number>> = {
  '1m': MINUTE_MS,
  '3m': 3 * MINUTE_MS,
  '5m': 5 * MINUTE_MS,
  '15m': 15 * MINUTE_MS,
  '30m': 30 * MINUTE_MS,
  '1h': 60 * MINUTE_MS,
  '4h': 240 * MINUTE_MS,
  '1d': 1_440 * MINUTE_MS,
  '1w': 7 * 1_440 * MINUTE_MS,
};
/**
 * Where buckets start relative to the UTC epoch: every interval at a whole multiple of its
 * length (so 4h opens at 00, 04, … UTC), except weeks, which open Monday 00:00 UTC as
 * Binance's do; the epoch was a Thursday, so weeks are shifted by four days.
 */
export const INTERVAL_OFFSET_MS: Readonly<Record<Interval, number>> = {
  '1m': 0, '3m': 0, '5m': 0, '15m': 0, '30m': 0, '1h': 0, '4h': 0, '1d': 0,
  '1w': 4 * 1_440 * MINUTE_MS,
};

/** Open time of the `interval` candle that holds `time` (epoch ms). */
export function bucketStart(time: number, interval: Interval): number {
  const size = INTERVAL_MS[interval];
  const offset = INTERVAL_OFFSET_MS[interval];
  return Math.floor((time - offset) / size) * size + offset;
}
// Type.Enum keeps the literal union in Static<>; Type.Union over a mapped array widens it to never.
export const IntervalSchema = Type.Enum(Intervals);

export const MarketSources = ['binance', 'simulator', 'replay'] as const;
export type MarketSource = (typeof MarketSources)[number];

/** Binance spot rules for one symbol (exchangeInfo filters). */
export const SymbolInfo = Type.Object({
  symbol: SymbolName,
  baseAsset: Type.String(),
  quoteAsset: Type.String(),
  status: Type.String({ description: 'TRADING when orders are accepted' }),
  tickSize: DecimalString('PRICE_FILTER tick size'),
  stepSize: DecimalString('LOT_SIZE step'),
  minQty: DecimalString('LOT_SIZE minimum quantity'),
  minNotional: DecimalString('MIN_NOTIONAL / NOTIONAL minimum, in quote asset'),
});
export type SymbolInfo = Static<typeof SymbolInfo>;
export const SymbolsResponse = Type.Object({ symbols: Type.Array(SymbolInfo) });
export type SymbolsResponse = Static<typeof SymbolsResponse>;

/** The latest ticker of one symbol (GET /prices row and the WS `ticker` frame's data). */
export const PriceRow = Type.Object({
  symbol: SymbolName,
  price: DecimalString(),
  open24h: DecimalString(),
  high24h: DecimalString(),
  low24h: DecimalString(),
  volume24h: DecimalString('base-asset volume over 24 h'),
  changePercent24h: SignedDecimalString(),
  updatedAt: Type.Integer({ description: 'epoch ms of the last update' }),
  stale: Type.Boolean({ description: 'true when no update arrived for 10 s' }),
});
export type PriceRow = Static<typeof PriceRow>;
export const PricesResponse = Type.Object({ source: Type.String(), prices: Type.Array(PriceRow) });
export type PricesResponse = Static<typeof PricesResponse>;

/** One candle's time and figures: the history rows, and with them the live `kline` frame and bus event. */
export const Candle = Type.Object({
  openTime: Type.Integer({ description: 'epoch ms' }),
  open: DecimalString(),
  high: DecimalString(),
  low: DecimalString(),
  close: DecimalString(),
  volume: DecimalString(),
});
export type Candle = Static<typeof Candle>;

/** Epoch ms up to 9999-12-31T23:59:59.999Z: every date a database and `Date` can hold. */
const EpochMs = (description: string) => Type.Integer({ minimum: 0, maximum: 253_402_300_799_999, description });

export const HistoryQuery = Type.Object(
  {
    symbol: SymbolName,
    interval: Type.Optional(IntervalSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 500 })),
    startTime: Type.Optional(EpochMs('first candle open time, epoch ms')),
    endTime: Type.Optional(EpochMs('last candle open time, epoch ms')),
  },
  { additionalProperties: false },
);
export type HistoryQuery = Static<typeof HistoryQuery>;
export const HistoryResponse = Type.Object({ symbol: SymbolName, interval: IntervalSchema, candles: Type.Array(Candle) });
export type HistoryResponse = Static<typeof HistoryResponse>;

export const MarketWorldKinds = ['live', 'simulated', 'replay'] as const;
export type MarketWorldKind = (typeof MarketWorldKinds)[number];

/** The one market a database belongs to, decided at its first start and kept. */
export const MarketWorld = Type.Object({
  kind: Type.Enum(MarketWorldKinds, { description: 'live (Binance), simulated, or replay (a recorded file)' }),
  seed: Type.Optional(Type.String({ description: 'the simulated world’s seed' })),
  checksum: Type.Optional(Type.String({ description: 'sha256 of the replayed files' })),
  since: Type.Integer({ description: 'epoch ms of the first start' }),
});
export type MarketWorld = Static<typeof MarketWorld>;

export const MarketStatus = Type.Object({
  source: Type.Enum(MarketSources),
  connected: Type.Boolean(),
  lastEventAt: Type.Union([Type.Integer(), Type.Null()]),
  symbols: Type.Array(SymbolName),
  world: Type.Optional(Type.Union([MarketWorld, Type.Null()], { description: 'null until the first start has decided it' })),
  marketTime: Type.Optional(
    Type.Union([Type.Integer(), Type.Null()], { description: 'epoch ms of the feed’s own clock at its last event: a replay’s is the file’s time' }),
  ),
});
export type MarketStatus = Static<typeof MarketStatus>;

/** A live candle as the WS `kline` frame carries it. */
export const KlineData = Type.Object({
  symbol: SymbolName,
  interval: IntervalSchema,
  ...Candle.properties,
  closed: Type.Boolean(),
});
export type KlineData = Static<typeof KlineData>;

export const DepthQuery = Type.Object(
  {
    symbol: SymbolName,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20, description: 'levels per side' })),
  },
  { additionalProperties: false },
);
export type DepthQuery = Static<typeof DepthQuery>;

/** One price level: [price, quantity], trailing zeros removed. */
export const DepthLevel = Type.Tuple([DecimalString('price'), DecimalString('quantity')]);
export type DepthLevel = Static<typeof DepthLevel>;

/** GET /api/market/depth: Binance's order book, best price first on each side. */
export const DepthResponse = Type.Object({
  symbol: SymbolName,
  source: Type.Literal('binance'),
  bids: Type.Array(DepthLevel, { description: 'highest price first' }),
  asks: Type.Array(DepthLevel, { description: 'lowest price first' }),
  updatedAt: Type.Integer({ description: 'epoch ms when the book was fetched from Binance' }),
});
export type DepthResponse = Static<typeof DepthResponse>;

export const TradesQuery = Type.Object(
  {
    symbol: SymbolName,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30, description: 'most recent trades' })),
  },
  { additionalProperties: false },
);
export type TradesQuery = Static<typeof TradesQuery>;

/** One print on the exchange's tape. */
export const MarketTrade = Type.Object({
  id: Type.Integer({ description: "Binance's trade id" }),
  price: DecimalString('price'),
  quantity: DecimalString('base-asset quantity'),
  time: Type.Integer({ description: 'epoch ms of the trade' }),
  buyerMaker: Type.Boolean({ description: 'true: the seller took the bid (a sell print); false: a buy print' }),
});
export type MarketTrade = Static<typeof MarketTrade>;

/** GET /api/market/trades: Binance's most recent trades of a symbol, newest first. */
export const TradesResponse = Type.Object({
  symbol: SymbolName,
  source: Type.Literal('binance'),
  trades: Type.Array(MarketTrade, { description: 'newest first' }),
  updatedAt: Type.Integer({ description: 'epoch ms when the trades were fetched from Binance' }),
});
export type TradesResponse = Static<typeof TradesResponse>;
