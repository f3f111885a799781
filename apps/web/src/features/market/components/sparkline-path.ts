/**
 * SVG polyline points for `values` scaled into a width × height box (y grows downwards).
 * A flat series draws a line through the middle instead of dividing by zero.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number, padding = 2): string {
  if (values.length === 0) return '';
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min;
  const step = values.length > 1 ? (width - 2 * padding) / (values.length - 1) : 0;
  return values
    .map((value, i) => {
      const x = padding + i * step;
      const y = span === 0 ? height / 2 : padding + (1 - (value - min) / span) * (height - 2 * padding);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
}
