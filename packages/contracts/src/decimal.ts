import Type from 'typebox';

/**
 * A non-negative decimal as a string ("64123.45"): money, prices and quantities never travel
 * as JSON numbers. Plain digits only — no sign, no exponent, at most 18 digits each side of the point (NUMERIC(36,18)).
 */
export const DecimalString = (description?: string) =>
  Type.String({
    pattern: '^(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?$',
    maxLength: 40,
    ...(description ? { description } : {}),
  });

/** A signed decimal string, for P&L and percentages. */
export const SignedDecimalString = (description?: string) =>
  Type.String({
    pattern: '^-?(0|[1-9][0-9]{0,17})(\\.[0-9]{1,18})?$',
    maxLength: 41,
    ...(description ? { description } : {}),
  });

export const SymbolName = Type.String({ pattern: '^[A-Z0-9]{2,20}$', description: 'Exchange symbol, e.g. BTCUSDT' });
