/**
 * The trading rules' decimal arithmetic, on the server and in the web ticket alike. decimal.js
 * defaults to 20 significant digits, too few for NUMERIC(36,18): a price × quantity of two such
 * values needs 72. Our own clone keeps every product exact (so the ticket's balance check and
 * the server's agree to the last unit) and leaves the library's global defaults to other code.
 */
import { Decimal } from 'decimal.js';

export const Dec = Decimal.clone({ precision: 80, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -80, toExpPos: 80 });
export type Dec = Decimal;

/** NUMERIC(36,18): every stored amount has at most 18 fractional digits. */
export const STORED_SCALE = 18;

const PLAIN_DECIMAL = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * Parses a decimal string as the contracts and NUMERIC columns carry it. Numbers are refused
 * on purpose: a JS float has already lost the exact value by the time it arrives here.
 */
export function dec(value: string): Dec {
  if (typeof value !== 'string' || !PLAIN_DECIMAL.test(value)) {
    throw new TypeError(`expected a plain decimal string, got ${JSON.stringify(value)}`);
  }
  return new Dec(value);
}

/** Amounts as a person types them: digits with an optional fraction, nothing else ("1e3", "-1" are refused). */
const TYPED_AMOUNT = /^\d+(\.\d+)?$/;

/** A typed amount (surrounding spaces ignored), or null when it is not one: input is expected to be wrong at times. */
export function parseAmount(text: string): Dec | null {
  const trimmed = text.trim();
  return TYPED_AMOUNT.test(trimmed) ? new Dec(trimmed) : null;
}

/** Plain notation (never an exponent), at most `scale` fractional digits, no trailing zeros. */
export function toDecimalString(value: Dec, scale = STORED_SCALE): string {
  const rounded = value.toDecimalPlaces(scale, Dec.ROUND_HALF_UP);
  return rounded.isZero() ? '0' : rounded.toFixed();
}

/**
 * toDecimalString(dec(value)) for a decimal string, without the two conversions when the
 * string already has at most `scale` fractional digits (every NUMERIC(36,18) value read back,
 * every amount an order writes): then only its trailing zeros go. Order and fill views format
 * a dozen amounts per response, so this is on every order's path.
 */
export function plainDecimalString(value: string, scale = STORED_SCALE): string {
  const point = value.indexOf('.');
  if (!PLAIN_DECIMAL.test(value) || (point >= 0 && value.length - point - 1 > scale)) return toDecimalString(dec(value), scale);
  let end = value.length;
  if (point >= 0) {
    while (value.charCodeAt(end - 1) === 48 /* 0 */) end -= 1;
    if (end - 1 === point) end = point;
  }
  const trimmed = value.slice(0, end);
  return trimmed === '-0' ? '0' : trimmed;
}

/** Largest multiple of `step` not above `value` (step 0 means "no grid": the value itself). */
export function floorToStep(value: Dec, step: Dec): Dec {
  return step.isZero() ? value : value.toNearest(step, Dec.ROUND_FLOOR);
}

/** Smallest multiple of `step` not below `value` (step 0 means "no grid"). */
export function ceilToStep(value: Dec, step: Dec): Dec {
  return step.isZero() ? value : value.toNearest(step, Dec.ROUND_CEIL);
}

/** Binance filters: a step of 0 disables the check. */
export function isMultipleOf(value: Dec, step: Dec): boolean {
  return step.isZero() || value.mod(step).isZero();
}

export const ZERO: Dec = new Dec(0);

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
