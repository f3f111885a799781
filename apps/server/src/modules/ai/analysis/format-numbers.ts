/**
 * How the analysis summary writes numbers, so each one can be traced to a response field:
 * `formatValue` for indicator values (at least four significant digits, at least two
 * decimals), `formatPercent` for fractions (probabilities, accuracies, volatility) as a
 * percentage with two decimals, counts as integers. No thousands separators, no exponents.
 */
export function formatValue(x: number): string {
  if (x === 0) return '0.00';
  const decimals = Math.min(12, Math.max(2, 3 - Math.floor(Math.log10(Math.abs(x)))));
  return x.toFixed(decimals);
}

export function formatPercent(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}
