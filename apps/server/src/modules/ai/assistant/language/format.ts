/**
 * How replies write numbers, so each figure traces back to a tool result (grounding/): decimals
 * exactly as the tool gave them (trailing zeros dropped) or rounded to a stated number of places,
 * with thousands separators; fractions as percentages. Never an exponent.
 */
import { Dec } from '@cryptosim/trading-rules';

function group(plain: string): string {
  const negative = plain.startsWith('-');
  const [int = '0', frac] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

const toDec = (value: string | number | Dec): Dec => (value instanceof Dec ? value : new Dec(value));

/** A decimal as given, trailing zeros dropped: prices and quantities ("64,123.45", "0.015"). */
export function exact(value: string | number | Dec): string {
  return group(toDec(value).toFixed());
}

/** Rounded half-up to `places` decimals, trailing zeros kept: USDT amounts ("1,234.50"). */
export function fixed(value: string | number | Dec, places = 2): string {
  return group(toDec(value).toFixed(places, Dec.ROUND_HALF_UP));
}

/** A price: as given when it has few decimals, else rounded to 8 significant-enough places. */
export function price(value: string | number | Dec): string {
  const d = toDec(value);
  return d.decimalPlaces() > 8 ? fixed(d, 8).replace(/\.?0+$/, '') : exact(d);
}

/** A percentage that is already in percent ("2.35" → "2.35%"), rounded to 2 places. */
export function percent(value: string | number | Dec): string {
  return `${fixed(value, 2)}%`;
}

/** A fraction as a percentage (0.4321 → "43.21%"). */
export function fractionPercent(value: number | string | Dec): string {
  return `${fixed(toDec(value).times(100), 2)}%`;
}

/** A signed amount with an explicit sign ("+12.50", "-3.10"). */
export function signed(value: string | number | Dec, places = 2): string {
  const d = toDec(value);
  return `${d.isNegative() ? '' : '+'}${fixed(d, places)}`;
}
