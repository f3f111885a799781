// Chart additions: the longer and shorter timeframes, indicator settings, layout and orders
// on the chart. ko-charts.ts matches key for key.
export const enCharts = {
  'interval.3m': '3m',
  'interval.30m': '30m',
  'interval.1w': '1W',
} satisfies Record<string, string>;
