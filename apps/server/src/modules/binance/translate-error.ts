/**
 * Our engine's failures (AppError codes, Fastify's own refusals, outages) in Binance's terms,
 * so a bot sees the code it was written to handle: a filter breach is -1013 "Filter failure:
 * LOT_SIZE", too little money -2010 with Binance's "insufficient balance" message, and so on.
 */
import type { FastifyError } from 'fastify';
import { AppError } from '../../kernel/app-error.js';
import { isOutage, OUTAGE_RETRY_AFTER_S } from '../../kernel/outage.js';
import { BinanceError, filterFailure, invalidSymbol, newOrderRejected } from './binance-error.js';

const INSUFFICIENT = 'Account has insufficient balance for requested action.';

function fromAppError(err: AppError): BinanceError {
  switch (err.code) {
    case 'UNKNOWN_SYMBOL':
      return invalidSymbol();
    case 'PRICE_FILTER':
    case 'LOT_SIZE':
      return filterFailure(err.code);
    case 'MIN_NOTIONAL':
      return filterFailure('NOTIONAL');
    case 'INSUFFICIENT_BALANCE':
    case 'INSUFFICIENT_POSITION':
      return newOrderRejected(INSUFFICIENT);
    case 'WOULD_TRIGGER_IMMEDIATELY':
      return newOrderRejected('Order would trigger immediately.');
    case 'WOULD_MATCH_IMMEDIATELY':
      return newOrderRejected('Order would immediately match and take.');
    case 'DUPLICATE_CLIENT_ORDER_ID':
      return newOrderRejected('Duplicate order sent.');
    case 'ORDER_NOT_CANCELABLE':
      return new BinanceError(-2011, 'Unknown order sent.');
    case 'NOT_FOUND':
      return new BinanceError(-2013, 'Order does not exist.');
    case 'VALIDATION_FAILED':
      return new BinanceError(-1102, err.message);
    case 'RATE_LIMITED':
      return new BinanceError(-1003, err.message, 429, err.headers);
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
      return new BinanceError(-2015, 'Invalid API-key, IP, or permissions for action.', 401);
    case 'NO_PRICE':
    case 'SERVICE_UNAVAILABLE':
    case 'DEPTH_UNAVAILABLE':
      // Binance's "internal error; try again": the request may succeed once the feed or store is back.
      return new BinanceError(-1001, `Internal error; unable to process your request. Please try again. (${err.message})`, 503, err.headers ?? { 'retry-after': String(OUTAGE_RETRY_AFTER_S) });
    default:
      return new BinanceError(-1000, err.message, err.status >= 500 ? 500 : 400, err.headers);
  }
}

/** A Fastify refusal before our handler ran: body too large, unparsable, bad URL. */
function fromFrameworkError(err: FastifyError): BinanceError | undefined {
  const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
  if (status >= 500) return undefined;
  if (status === 413) return new BinanceError(-1000, 'The request body is too large.', 413);
  if (status === 429) return new BinanceError(-1003, err.message, 429);
  return new BinanceError(-1102, err.message || 'A mandatory parameter was not sent, was empty/null, or malformed.', 400);
}

/** The Binance error for `err`; undefined when it is a bug (logged and answered -1000 by the caller). */
export function toBinanceError(err: unknown): BinanceError | undefined {
  if (err instanceof BinanceError) return err;
  if (err instanceof AppError) return fromAppError(err);
  if (isOutage(err)) {
    return new BinanceError(-1001, 'Internal error; unable to process your request. Please try again.', 503, { 'retry-after': String(OUTAGE_RETRY_AFTER_S) });
  }
  return fromFrameworkError(err as FastifyError);
}
