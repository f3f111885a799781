/**
 * The shapes the trading rules work on: decimals already parsed, no HTTP or DB row types.
 * The repository maps rows to these and back; the route maps requests through parse-order-request.
 */
import type { OrderSide, OrderType, TimeInForce } from '@cryptosim/contracts';
import type { Dec, Liquidity, PricedOrder } from '@cryptosim/trading-rules';

export type { Liquidity, OrderSide, OrderType, TimeInForce };

/** A validated order as the user asked for it. */
export interface OrderIntent extends PricedOrder {
  /** Base quantity; null only for a MARKET buy sized by `quoteAmount`. */
  quantity: Dec | null;
  quoteAmount: Dec | null;
  /** LIMIT, LIMIT_MAKER and the stop-limits (absent means GTC); absent or null on the others. */
  timeInForce?: TimeInForce | null;
}

/** An open order waiting for the market (always sized by quantity). */
export interface RestingOrder extends OrderIntent {
  id: number | string;
  quantity: Dec;
  /** epoch ms; the time half of price-time priority. */
  createdAt: number;
  /** What the order still holds: USDT for a buy, base asset for a sell (orders.reserved_amount). */
  reservedAmount: Dec;
}

/**
 * The user's cash, as the users row keeps it: `balance` is all USDT, `reserved` the part held
 * by open buy orders. Free cash is balance − reserved.
 */
export interface CashAccount {
  balance: Dec;
  reserved: Dec;
}

/** One symbol's holding (the portfolios row). */
export interface Position {
  /** Everything held, including `reservedQuantity`. */
  quantity: Dec;
  /** Held by open sell orders. */
  reservedQuantity: Dec;
  /** Weighted average buy price, fees excluded (Binance convention: fees are a separate cost). */
  avgPrice: Dec;
  realizedPnl: Dec;
}

/** The live market of one symbol as the fill rules need it. */
export interface MarketSnapshot {
  price: Dec;
  /** Recent traded volume in USDT (24 h base volume × price); sizes the slippage. */
  quoteVolume: Dec;
}

/** How an order executes: at what price and paying which fee rate. */
export interface Execution {
  price: Dec;
  liquidity: Liquidity;
}
