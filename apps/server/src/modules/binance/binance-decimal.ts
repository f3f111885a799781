import { Dec } from '@cryptosim/trading-rules';

/**
 * Binance writes decimals as strings with 8 places ("0.01000000"). We do the same, keeping
 * more places when a value has them (a fee of 0.1 % can), so no figure is ever rounded away.
 */
export function bdec(value: Dec | string): string {
  const d = typeof value === 'string' ? new Dec(value) : value;
  return d.decimalPlaces() > 8 ? d.toFixed() : d.toFixed(8);
}

/** The largest quantity or price a NUMERIC(36,18) column holds: the engine's only maximum. */
export const MAX_STORED = '999999999999999999';
