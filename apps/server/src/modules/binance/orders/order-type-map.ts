/**
 * Binance order types and time-in-force values → what the engine does. The engine has every
 * Spot type Binance lists (its names are Binance's); a type it ever lacks is left out of
 * ENGINE_TYPE here, and exchangeInfo's `orderTypes` follows.
 */
import { takesTimeInForce, TimeInForces, type OrderType, type TimeInForce } from '@cryptosim/contracts';
import { BinanceError } from '../binance-error.js';

export const BINANCE_ORDER_TYPES = ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'] as const;
export type BinanceOrderType = (typeof BINANCE_ORDER_TYPES)[number];

/** Binance type → engine type, for the types the engine has. */
const ENGINE_TYPE: Partial<Record<BinanceOrderType, OrderType>> = {
  LIMIT: 'LIMIT',
  MARKET: 'MARKET',
  STOP_LOSS: 'STOP_LOSS',
  STOP_LOSS_LIMIT: 'STOP_LOSS_LIMIT',
  TAKE_PROFIT: 'TAKE_PROFIT',
  TAKE_PROFIT_LIMIT: 'TAKE_PROFIT_LIMIT',
  LIMIT_MAKER: 'LIMIT_MAKER',
};

/** exchangeInfo's `orderTypes`, in Binance's order. */
export const SUPPORTED_ORDER_TYPES = BINANCE_ORDER_TYPES.filter((t) => ENGINE_TYPE[t] !== undefined);


/** Binance's matching-engine message for a type a symbol does not offer (its errors page). */
const NOT_SUPPORTED: Record<BinanceOrderType, string> = {
  LIMIT: 'Limit orders are not supported for this symbol.',
  MARKET: 'Market orders are not supported for this symbol.',
  STOP_LOSS: 'Stop loss orders are not supported for this symbol.',
  STOP_LOSS_LIMIT: 'Stop loss limit orders are not supported for this symbol.',
  TAKE_PROFIT: 'Take profit orders are not supported for this symbol.',
  TAKE_PROFIT_LIMIT: 'Take profit limit orders are not supported for this symbol.',
  LIMIT_MAKER: 'Limit maker orders are not supported for this symbol.',
};

/** The engine type for a Binance `type`: -1116 for a name Binance does not know, -2010 for one we do not offer yet. */
export function engineOrderType(type: string): OrderType {
  if (!(BINANCE_ORDER_TYPES as readonly string[]).includes(type)) throw new BinanceError(-1116, 'Invalid orderType.');
  const engine = ENGINE_TYPE[type as BinanceOrderType];
  if (!engine) throw new BinanceError(-2010, NOT_SUPPORTED[type as BinanceOrderType]);
  return engine;
}

/** Checks `timeInForce` against the type: -1115 for a value we do not honour, -1106 where none is taken. */
export function checkTimeInForce(type: OrderType, timeInForce: string | undefined): TimeInForce | undefined {
  // LIMIT and the stop-limits take GTC, IOC or FOK (as Binance's do); LIMIT_MAKER, MARKET and the stops none.
  const allowed: readonly string[] | undefined = takesTimeInForce(type) ? TimeInForces : undefined;
  if (!allowed) {
    if (timeInForce !== undefined) throw new BinanceError(-1106, "Parameter 'timeInForce' sent when not required.");
    return undefined;
  }
  if (timeInForce === undefined) throw new BinanceError(-1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
  if (!allowed.includes(timeInForce)) throw new BinanceError(-1115, 'Invalid timeInForce.');
  return timeInForce as TimeInForce;
}
