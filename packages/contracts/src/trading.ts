import Type, { type Static, type TSchema } from 'typebox';
import { DecimalString, SignedDecimalString, SymbolName } from './decimal.js';
import { LiteralUnion } from './literal-union.js';

export const OrderSides = ['BUY', 'SELL'] as const;
export type OrderSide = (typeof OrderSides)[number];
export const OrderSideSchema = LiteralUnion(OrderSides);

export const OrderTypes = ['MARKET', 'LIMIT', 'STOP_LOSS', 'TAKE_PROFIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT', 'LIMIT_MAKER'] as const;
export type OrderType = (typeof OrderTypes)[number];
export const OrderTypeSchema = LiteralUnion(OrderTypes);

/** Types with a limit price: they trade at `price` or better (the stop-limits once triggered). */
export const LimitPricedTypes = ['LIMIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT', 'LIMIT_MAKER'] as const satisfies readonly OrderType[];
/** Types with a trigger price: they wait for the market to reach `stopPrice`. */
export const StopTypes = ['STOP_LOSS', 'TAKE_PROFIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'] as const satisfies readonly OrderType[];
/** Types that take a timeInForce (Binance: LIMIT and the stop-limits; LIMIT_MAKER is always GTC). */
export const TimeInForceTypes = ['LIMIT', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT_LIMIT'] as const satisfies readonly OrderType[];

export const hasLimitPrice = (type: OrderType): boolean => (LimitPricedTypes as readonly OrderType[]).includes(type);
export const hasStopPrice = (type: OrderType): boolean => (StopTypes as readonly OrderType[]).includes(type);
export const takesTimeInForce = (type: OrderType): boolean => (TimeInForceTypes as readonly OrderType[]).includes(type);

/**
 * How long a limit order stays: GTC rests until filled or canceled; IOC and FOK fill at once
 * or expire. Orders fill whole here (no book depth to split them), so IOC and FOK end alike.
 */
export const TimeInForces = ['GTC', 'IOC', 'FOK'] as const;
export type TimeInForce = (typeof TimeInForces)[number];
export const TimeInForceSchema = LiteralUnion(TimeInForces);

export const OrderStatuses = ['NEW', 'PARTIALLY_FILLED', 'FILLED', 'CANCELED', 'REJECTED', 'EXPIRED'] as const;
export type OrderStatus = (typeof OrderStatuses)[number];
export const OrderStatusSchema = LiteralUnion(OrderStatuses);

export const ClientOrderId = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,36}$',
  description: 'Caller-chosen idempotency key, unique per user: a retried order with the same key returns the first order',
});

/**
 * Body of POST /api/trading/buy and /sell. Which of the optional fields are required depends
 * on `type` (price for LIMIT, LIMIT_MAKER and the stop-limits, stopPrice for the stops and
 * stop-limits, timeInForce only on LIMIT and the stop-limits, quoteAmount only for a MARKET
 * buy); the trading domain checks that combination and answers VALIDATION_FAILED.
 */
export const PlaceOrderRequest = Type.Object(
  {
    symbol: SymbolName,
    type: Type.Optional(LiteralUnion(OrderTypes, { default: 'MARKET' })),
    quantity: Type.Optional(DecimalString('Base-asset quantity, a multiple of the symbol stepSize')),
    quoteAmount: Type.Optional(DecimalString('MARKET buy only: USDT notional to spend; the fee is charged on top')),
    price: Type.Optional(DecimalString('LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT: limit price, a multiple of tickSize')),
    stopPrice: Type.Optional(DecimalString('STOP_LOSS, TAKE_PROFIT and their _LIMIT forms: trigger price, a multiple of tickSize')),
    timeInForce: Type.Optional(
      LiteralUnion(TimeInForces, {
        description: 'LIMIT, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT only (default GTC): GTC rests; IOC / FOK fill at once when marketable, else expire',
      }),
    ),
    clientOrderId: Type.Optional(ClientOrderId),
  },
  { additionalProperties: false },
);
export type PlaceOrderRequest = Static<typeof PlaceOrderRequest>;

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Order = Type.Object({
  id: Type.Integer(),
  clientOrderId: Type.String(),
  symbol: SymbolName,
  side: OrderSideSchema,
  type: OrderTypeSchema,
  status: OrderStatusSchema,
  quantity: Nullable(DecimalString('null only for a MARKET buy by quoteAmount that has not filled')),
  quoteAmount: Nullable(DecimalString()),
  price: Nullable(DecimalString('limit price (LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT)')),
  stopPrice: Nullable(DecimalString('trigger price (STOP_LOSS, TAKE_PROFIT, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT)')),
  timeInForce: Nullable(TimeInForceSchema),
  triggeredAt: Nullable(Type.String({ format: 'date-time', description: 'when a STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT triggered and began resting as a limit' })),
  filledQuantity: DecimalString(),
  avgFillPrice: Nullable(DecimalString()),
  fee: DecimalString('USDT fees charged so far, on top of the notional'),
  rejectReason: Nullable(Type.String({ description: 'machine code when status is REJECTED' })),
  run: Type.Integer({ minimum: 1, description: 'account run the order belongs to; POST /api/portfolio/reset starts a new run' }),
  replacedBy: Type.Optional(Nullable(Type.Integer({ description: 'cancel-replace: the order that replaced this (canceled) one' }))),
  replaces: Type.Optional(Nullable(Type.Integer({ description: 'cancel-replace: the order this one replaced' }))),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Order = Static<typeof Order>;

/**
 * Body of POST /api/trading/orders/:id/replace (cancel-replace of an open order with a limit
 * price: LIMIT, LIMIT_MAKER and the not yet triggered stop-limits). The new order keeps the
 * old one's symbol, side, type and timeInForce; quantity defaults to what is left unfilled,
 * stopPrice (stop-limits) to the old trigger. Checked by the same exchange rules as placing.
 */
export const ReplaceOrderRequest = Type.Object(
  {
    price: DecimalString('new limit price, a multiple of tickSize'),
    quantity: Type.Optional(DecimalString('new base quantity, a multiple of stepSize (default: the unfilled rest of the old order)')),
    stopPrice: Type.Optional(DecimalString('STOP_LOSS_LIMIT / TAKE_PROFIT_LIMIT only: new trigger price (default: the old one)')),
  },
  { additionalProperties: false },
);
export type ReplaceOrderRequest = Static<typeof ReplaceOrderRequest>;

/** One fill (the seed's `transactions` row). */
export const Transaction = Type.Object({
  id: Type.Integer(),
  orderId: Type.Integer(),
  symbol: SymbolName,
  type: OrderSideSchema,
  quantity: DecimalString(),
  price: DecimalString(),
  fee: DecimalString('USDT, on top of totalAmount'),
  totalAmount: DecimalString('quantity × price in USDT, before the fee'),
  realizedPnl: Nullable(SignedDecimalString('sells: (price − avgPrice) × quantity − fee; null for buys')),
  run: Type.Integer({ minimum: 1, description: 'account run the fill belongs to' }),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Transaction = Static<typeof Transaction>;

export const PlaceOrderResponse = Type.Object({ order: Order, fills: Type.Array(Transaction) });
export type PlaceOrderResponse = Static<typeof PlaceOrderResponse>;

/** Reply of a cancel-replace: the old order, now CANCELED with replacedBy set, and the order that took its place. */
export const ReplaceOrderResponse = Type.Object({
  canceled: Order,
  /** The new order: NEW, or FILLED when its price took the market at once. */
  order: Order,
});
export type ReplaceOrderResponse = Static<typeof ReplaceOrderResponse>;

/** Query of DELETE /api/trading/orders: cancel every open order, or those of one symbol. */
export const CancelAllOrdersQuery = Type.Object({ symbol: Type.Optional(SymbolName) }, { additionalProperties: false });
export type CancelAllOrdersQuery = Static<typeof CancelAllOrdersQuery>;
export const CancelAllOrdersResponse = Type.Object({ canceled: Type.Array(Order) });
export type CancelAllOrdersResponse = Static<typeof CancelAllOrdersResponse>;

const Limit = Type.Integer({ minimum: 1, maximum: 500, default: 50 });
const Cursor = Type.String({ minLength: 1, maxLength: 200, description: 'opaque; from the previous page nextCursor' });

/** open, closed or all, or one exact status (e.g. CANCELED). */
export const OrderStatusFilters = ['open', 'closed', 'all', ...OrderStatuses] as const;
export type OrderStatusFilter = (typeof OrderStatusFilters)[number];

/** The filters of the order list and its CSV export. */
const orderFilters = {
  status: Type.Optional(LiteralUnion(OrderStatusFilters, { default: 'all', description: 'open, closed, all, or one exact status' })),
  symbol: Type.Optional(SymbolName),
  side: Type.Optional(LiteralUnion(OrderSides, { description: 'only orders on this side' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'only orders created at or after this time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'only orders created before this time' })),
};

export const OrdersQuery = Type.Object({ ...orderFilters, limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false });
export type OrdersQuery = Static<typeof OrdersQuery>;
export const OrdersResponse = Type.Object({ orders: Type.Array(Order), nextCursor: Nullable(Type.String()) });
export type OrdersResponse = Static<typeof OrdersResponse>;

/** Query of GET /api/trading/orders.csv: the order list's filters, without paging. */
export const OrdersExportQuery = Type.Object(orderFilters, { additionalProperties: false });
export type OrdersExportQuery = Static<typeof OrdersExportQuery>;

// Capped at 2^53 − 1: ids are bigserial read as JS numbers, and a larger value would overflow the query instead of being refused.
export const OrderIdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });
export type OrderIdParams = Static<typeof OrderIdParams>;

const HistorySide = Type.Optional(LiteralUnion(OrderSides, { description: 'only fills on this side' }));

export const TradeHistoryQuery = Type.Object(
  { symbol: Type.Optional(SymbolName), side: HistorySide, limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) },
  { additionalProperties: false },
);
export type TradeHistoryQuery = Static<typeof TradeHistoryQuery>;
export const TradeHistoryResponse = Type.Object({ transactions: Type.Array(Transaction), nextCursor: Nullable(Type.String()) });
export type TradeHistoryResponse = Static<typeof TradeHistoryResponse>;

/** Query of GET /api/trading/history.csv: the same filters as the history, without paging. */
export const TradeHistoryExportQuery = Type.Object({ symbol: Type.Optional(SymbolName), side: HistorySide }, { additionalProperties: false });
export type TradeHistoryExportQuery = Static<typeof TradeHistoryExportQuery>;

/**
 * GET /api/trading/fees: the configured rates, as fractions of the notional (0.001 = 0.1 %), and
 * the slippage cap, so a ticket can compute what a resting buy reserves exactly as the server does.
 */
export const FeeRatesResponse = Type.Object({
  makerFeeRate: DecimalString('rate for resting orders the market fills later (limit orders that rest)'),
  takerFeeRate: DecimalString('rate for orders that take the market (market, triggered stops, marketable limits)'),
  stopSlippageCap: DecimalString(
    'largest fractional slippage of a fill (0.05 = 5 %); a resting STOP_LOSS / TAKE_PROFIT buy (not the _LIMIT forms, which hold their limit price) reserves stopPrice × (1 + cap), rounded up to the tick, × quantity plus the fee at the larger rate',
  ),
});
export type FeeRatesResponse = Static<typeof FeeRatesResponse>;
