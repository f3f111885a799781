/**
 * The chart layout in the page URL, so a link reproduces the view: `tf` (timeframe), `ind`
 * (indicators, comma-separated, empty for none) and one parameter per setting (`sma`, `ema`,
 * `bb`, `bbw`, `rsi`). A value out of bounds or unknown is ignored, never trusted.
 */
import {
  ChartIndicators,
  Intervals,
  isIndicatorPeriod,
  type ChartIndicator,
  type ChartLayout,
  type IndicatorPeriodKey,
  type IndicatorPeriods,
  type Interval,
} from '@cryptosim/contracts';

const PARAM: Record<IndicatorPeriodKey, string> = { sma: 'sma', ema: 'ema', bollinger: 'bb', bollingerWidth: 'bbw', rsi: 'rsi' };
const KEYS = Object.keys(PARAM) as IndicatorPeriodKey[];
/** Every parameter the chart owns in the URL; other parameters of the page are left alone. */
export const LAYOUT_PARAMS = ['tf', 'ind', ...KEYS.map((k) => PARAM[k])] as const;

export interface LayoutFromQuery {
  interval?: Interval;
  indicators?: ChartIndicator[];
  periods?: Partial<IndicatorPeriods>;
}

/** What the URL says about the layout; absent fields are for the saved layout to fill. */
export function parseLayoutQuery(params: URLSearchParams): LayoutFromQuery {
  const out: LayoutFromQuery = {};
  const tf = params.get('tf');
  if (tf !== null && (Intervals as readonly string[]).includes(tf)) out.interval = tf as Interval;
  const ind = params.get('ind');
  if (ind !== null) {
    const wanted = new Set(ind.split(',').filter(Boolean));
    out.indicators = ChartIndicators.filter((id) => wanted.has(id));
  }
  const periods: Partial<IndicatorPeriods> = {};
  for (const key of KEYS) {
    const raw = params.get(PARAM[key]);
    if (raw === null || raw.trim() === '') continue;
    const value = Number(raw);
    if (isIndicatorPeriod(key, value)) periods[key] = value;
  }
  if (Object.keys(periods).length > 0) out.periods = periods;
  return out;
}

/** Whether the URL names any part of the layout (then it wins over the saved one). */
export function hasLayoutQuery(params: URLSearchParams): boolean {
  return LAYOUT_PARAMS.some((p) => params.has(p));
}

/** The saved (or default) layout with what the URL says on top. */
export function mergeLayout(base: ChartLayout, query: LayoutFromQuery): ChartLayout {
  return {
    interval: query.interval ?? base.interval,
    indicators: query.indicators ?? base.indicators,
    periods: { ...base.periods, ...query.periods },
  };
}

/** `params` with the layout written in (the page's other parameters kept). */
export function writeLayoutQuery(params: URLSearchParams, layout: ChartLayout): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('tf', layout.interval);
  next.set('ind', ChartIndicators.filter((id) => layout.indicators.includes(id)).join(','));
  for (const key of KEYS) next.set(PARAM[key], String(layout.periods[key]));
  return next;
}

/**
 * A setting typed into the dialog: the number, or why it is refused (an i18n key's suffix and
 * the bounds to show).
 */
export function readPeriodInput(key: IndicatorPeriodKey, text: string): { value: number } | { error: 'required' | 'range' } {
  if (text.trim() === '') return { error: 'required' };
  const value = Number(text.trim().replace(',', '.'));
  return isIndicatorPeriod(key, value) ? { value } : { error: 'range' };
}
