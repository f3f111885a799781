import Decimal from 'decimal.js';

/**
 * The colour of a signed figure as shown: a return of −0.0003 % reads "0.00 %" and must not be
 * painted as a loss. `decimals` is how many the figure is displayed with.
 */
export function signColour(value: string, decimals = 2): 'up.main' | 'down.main' | undefined {
  let shown: Decimal;
  try {
    shown = new Decimal(value).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  } catch {
    return undefined;
  }
  return shown.isZero() ? undefined : shown.isNegative() ? 'down.main' : 'up.main';
}
