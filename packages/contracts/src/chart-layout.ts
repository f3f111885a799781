import Type, { type Static } from 'typebox';
import { IntervalSchema } from './market.js';

/** The indicators a chart can draw over its candles (RSI in a pane of its own). */
export const ChartIndicators = ['sma', 'ema', 'bollinger', 'rsi'] as const;
export type ChartIndicator = (typeof ChartIndicators)[number];

/** Bounds of each indicator setting: the dialog, the URL parser and the server check the same ones. */
export const INDICATOR_PERIOD_LIMITS = {
  sma: { min: 2, max: 200, integer: true },
  ema: { min: 2, max: 200, integer: true },
  bollinger: { min: 2, max: 200, integer: true },
  bollingerWidth: { min: 0.5, max: 5, integer: false },
  rsi: { min: 2, max: 100, integer: true },
} as const;
export type IndicatorPeriodKey = keyof typeof INDICATOR_PERIOD_LIMITS;

const limit = (key: IndicatorPeriodKey, description: string) => {
  const { min, max, integer } = INDICATOR_PERIOD_LIMITS[key];
  return integer ? Type.Integer({ minimum: min, maximum: max, description }) : Type.Number({ minimum: min, maximum: max, description });
};

export const IndicatorPeriods = Type.Object(
  {
    sma: limit('sma', 'simple moving average length, in candles'),
    ema: limit('ema', 'exponential moving average length, in candles'),
    bollinger: limit('bollinger', 'Bollinger bands length, in candles'),
    bollingerWidth: limit('bollingerWidth', 'Bollinger bands width, in standard deviations (σ)'),
    rsi: limit('rsi', 'RSI period, in candles'),
  },
  { additionalProperties: false },
);
export type IndicatorPeriods = Static<typeof IndicatorPeriods>;

/** A user's chart view: timeframe, indicators shown and their settings (GET/PUT /api/auth/chart-layout). */
export const ChartLayout = Type.Object(
  {
    interval: IntervalSchema,
    indicators: Type.Array(Type.Enum(ChartIndicators), { maxItems: ChartIndicators.length, uniqueItems: true }),
    periods: IndicatorPeriods,
  },
  { additionalProperties: false },
);
export type ChartLayout = Static<typeof ChartLayout>;

export const DEFAULT_INDICATOR_PERIODS: IndicatorPeriods = { sma: 20, ema: 50, bollinger: 20, bollingerWidth: 2, rsi: 14 };
export const DEFAULT_CHART_LAYOUT: ChartLayout = { interval: '1h', indicators: ['sma'], periods: DEFAULT_INDICATOR_PERIODS };

/** Whether `value` is a valid setting for `key`; the same bounds as the schema. */
export function isIndicatorPeriod(key: IndicatorPeriodKey, value: number): boolean {
  const { min, max, integer } = INDICATOR_PERIOD_LIMITS[key];
  return Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
}
