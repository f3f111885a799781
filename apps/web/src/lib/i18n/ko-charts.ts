import type { enCharts } from './en-charts';

export const koCharts: Record<keyof typeof enCharts, string> = {
  'interval.3m': '3분',
  'interval.30m': '30분',
  'interval.1w': '1주',
};
