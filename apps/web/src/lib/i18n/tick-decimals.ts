/**
 * Decimals a tick or step size allows: "0.01000000" → 2, "0.00001" → 5, "1.00000000" → 0,
 * "1e-8" → 8. Exchange info pads sizes with zeros, so trailing zeros do not count.
 */
export function tickDecimals(size: string): number {
  const text = size.trim().toLowerCase();
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) {
    const mantissa = text.slice(0, exponent.index);
    return Number(exponent[1]) + tickDecimals(mantissa);
  }
  const dot = text.indexOf('.');
  if (dot < 0) return 0;
  return text.slice(dot + 1).replace(/0+$/, '').length;
}
