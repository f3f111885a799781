/** A value per input point; null until `period` points exist (the chart leaves a gap). */
export type Series = Array<number | null>;

/** Simple moving average: the mean of the last `period` values, kept as a running sum. */
export function sma(values: readonly number[], period: number): Series {
  if (!Number.isInteger(period) || period < 1) throw new RangeError(`period must be a positive integer, got ${period}`);
  const out: Series = [];
  let sum = 0;
  values.forEach((value, i) => {
    sum += value;
    if (i >= period) sum -= values[i - period]!;
    out.push(i >= period - 1 ? sum / period : null);
  });
  return out;
}
