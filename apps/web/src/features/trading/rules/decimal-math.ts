import DecimalJs from 'decimal.js';

/**
 * The server's decimal settings (apps/server/src/core/decimal.ts): 80 significant digits keep
 * every price × quantity exact, where decimal.js's default 20 could round a large order's
 * notional and so disagree with the server's balance check by a unit.
 */
const Decimal = DecimalJs.clone({ precision: 80, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -80, toExpPos: 80 });
type Decimal = DecimalJs;

/** Amounts as typed by a person: digits with an optional fraction, nothing else ("1e3" is refused). */
const DECIMAL_INPUT = /^\d+(\.\d+)?$/;

export function parseAmount(text: string): Decimal | null {
  const trimmed = text.trim();
  return DECIMAL_INPUT.test(trimmed) ? new Decimal(trimmed) : null;
}

/** Binance filters: a step of 0 disables the check. */
export function isMultipleOf(value: Decimal, step: Decimal): boolean {
  return step.isZero() || value.mod(step).isZero();
}

export function floorToStep(value: Decimal, step: Decimal): Decimal {
  if (step.isZero()) return value;
  return value.div(step).floor().times(step);
}

/** Smallest multiple of `step` not below `value`, as the server's ceilToStep (step 0: the value itself). */
export function ceilToStep(value: Decimal, step: Decimal): Decimal {
  return step.isZero() ? value : value.toNearest(step, Decimal.ROUND_CEIL);
}

/** The fee scale the exchange charges at: USDT to 8 decimals, rounded up (never undercharged). */
export const FEE_SCALE = 8;

export function feeFor(notional: Decimal, rate: Decimal): Decimal {
  return notional.times(rate).toDecimalPlaces(FEE_SCALE, Decimal.ROUND_UP);
}

export { Decimal };
