/**
 * Model features from closed candles. Every value at bar t uses only candles up to and including t
 * (the indicators are streamed bar by bar), so a feature never sees the future. Indicators come
 * from `trading-signals`, the library the web chart's overlays use, so a chart value equals a feature.
 */
import type { Candle } from './candles.js';
import { IndicatorStream } from './indicators.js';

/**
 * Column order of every feature matrix. Price-scaled indicators (MACD, ATR) are divided by the
 * close so one model serves symbols of any price level.
 */
export const FEATURE_NAMES = [
  'ret_1', // log return over 1 bar
  'ret_3',
  'ret_6',
  'ret_12',
  'ret_24',
  'rsi_14', // RSI(14), Wilder smoothing, 0..100
  'macd_line', // MACD(12, 26) / close
  'macd_signal', // EMA(9) of the MACD line / close
  'macd_hist', // (line - signal) / close
  'bb_pctb', // Bollinger(20, 2) %b: (close - lower) / (upper - lower)
  'bb_width', // (upper - lower) / middle
  'atr_14', // ATR(14) / close
  'rv_24', // realised volatility: standard deviation of the last 24 one-bar log returns
  'volume_z_24', // z-score of the volume against the last 24 bars (including this one)
  'hour_of_day', // UTC hour of the bar's open time
  'day_of_week', // UTC day of the week of the bar's open time, 0 = Sunday
  'btc_ret_1', // BTC's 1-bar log return at the same open time (market factor; missing when BTC has no such bar)
  'btc_ret_24', // BTC's 24-bar log return at the same open time
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const BTC_COLUMNS = new Set<FeatureName>(['btc_ret_1', 'btc_ret_24']);

/** Candles needed before the last one has every own-symbol feature (ret_24, MACD's EMA(26) need 25–26). */
export const FEATURE_WARMUP_BARS = 26;

/**
 * History used for the latest bar's features. The EMA/Wilder-smoothed indicators have infinite
 * memory; after 500 bars the start's weight is below 1e-15, so the latest vector equals the
 * full-history series' last row to float precision.
 */
export const FEATURE_LOOKBACK_BARS = 500;

export interface FeatureMatrix {
  names: readonly FeatureName[];
  rows: number;
  cols: number;
  /** Row-major rows × cols; NaN where a value does not exist yet (XGBoost's "missing"). */
  values: Float64Array;
  openTimes: Float64Array;
  /** 1 where every own-symbol feature exists (BTC's may still be missing). */
  ready: Uint8Array;
}

export interface FeatureOptions {
  /** BTC's closed candles of the same interval, for the market-factor columns. */
  btc?: readonly Candle[] | undefined;
}

/** Features for every bar of `candles` (sorted by open time, one symbol, one interval). */
export function buildFeatures(candles: readonly Candle[], options: FeatureOptions = {}): FeatureMatrix {
  const n = candles.length;
  const cols = FEATURE_NAMES.length;
  const values = new Float64Array(n * cols).fill(Number.NaN);
  const openTimes = new Float64Array(n);
  const ready = new Uint8Array(n);
  const indicators = new IndicatorStream();
  const logClose = new Float64Array(n);
  const btc = options.btc ? btcSeries(options.btc) : undefined;
  const date = new Date(0);

  for (let i = 0; i < n; i++) {
    const c = candles[i]!;
    openTimes[i] = c.openTime;
    logClose[i] = Math.log(c.close);
    const row = i * cols;
    const set = (col: number, v: number | null | undefined) => {
      if (v != null && Number.isFinite(v)) values[row + col] = v;
    };
    const ret = (k: number) => (i >= k ? logClose[i]! - logClose[i - k]! : null);
    set(0, ret(1));
    set(1, ret(3));
    set(2, ret(6));
    set(3, ret(12));
    set(4, ret(24));
    const ind = indicators.add(c);
    set(5, ind.rsi14);
    const m = ind.macd;
    if (m) {
      set(6, m.macd / c.close);
      set(7, m.signal / c.close);
      set(8, m.histogram / c.close);
    }
    const b = ind.bollinger;
    if (b) {
      const span = b.upper - b.lower;
      set(9, span > 0 ? (c.close - b.lower) / span : 0.5);
      set(10, span / b.middle);
    }
    if (ind.atr14 != null) set(11, ind.atr14 / c.close);
    set(12, ind.volatility);
    if (i >= 23) set(13, zScore(candles, i - 23, i + 1, c.volume));
    date.setTime(c.openTime);
    set(14, date.getUTCHours());
    set(15, date.getUTCDay());
    if (btc) {
      const j = btc.index.get(c.openTime);
      if (j !== undefined) {
        if (j >= 1) set(16, btc.logClose[j]! - btc.logClose[j - 1]!);
        if (j >= 24) set(17, btc.logClose[j]! - btc.logClose[j - 24]!);
      }
    }
    let ok = 1;
    for (let k = 0; k < cols; k++) {
      if (Number.isNaN(values[row + k]!) && !BTC_COLUMNS.has(FEATURE_NAMES[k]!)) {
        ok = 0;
        break;
      }
    }
    ready[i] = ok;
  }
  return { names: FEATURE_NAMES, rows: n, cols, values, openTimes, ready };
}

/**
 * The feature vector of the last candle given (the latest closed bar), from at most the last
 * FEATURE_LOOKBACK_BARS candles of the symbol and BTC's candles up to that bar. Undefined when
 * there is not enough history yet.
 */
export function latestFeatures(candles: readonly Candle[], btc?: readonly Candle[]): { openTime: number; features: Float64Array } | undefined {
  const last = candles[candles.length - 1];
  if (!last) return undefined;
  const window = candles.slice(-FEATURE_LOOKBACK_BARS);
  const btcWindow = btc ? btc.filter((b) => b.openTime <= last.openTime).slice(-FEATURE_LOOKBACK_BARS) : undefined;
  const m = buildFeatures(window, { btc: btcWindow });
  const i = m.rows - 1;
  if (!m.ready[i]) return undefined;
  return { openTime: last.openTime, features: m.values.slice(i * m.cols, (i + 1) * m.cols) };
}

/** Reorders a full FEATURE_NAMES row into a model's own feature order. */
export function featureIndexes(names: readonly string[]): number[] {
  return names.map((name) => {
    const i = (FEATURE_NAMES as readonly string[]).indexOf(name);
    if (i < 0) throw new Error(`unknown feature "${name}" (this engine computes: ${FEATURE_NAMES.join(', ')})`);
    return i;
  });
}

function btcSeries(btc: readonly Candle[]) {
  const index = new Map<number, number>();
  const logClose = new Float64Array(btc.length);
  btc.forEach((c, j) => {
    index.set(c.openTime, j);
    logClose[j] = Math.log(c.close);
  });
  return { index, logClose };
}

function zScore(candles: readonly Candle[], from: number, to: number, value: number): number {
  let sum = 0;
  let sq = 0;
  for (let k = from; k < to; k++) {
    const v = candles[k]!.volume;
    sum += v;
    sq += v * v;
  }
  const count = to - from;
  const mean = sum / count;
  const sd = Math.sqrt(Math.max(0, sq / count - mean * mean));
  return sd > 0 ? (value - mean) / sd : 0;
}
