/**
 * Rows for training and scoring: one per closed bar that has its features and (for labelled
 * rows) the bar `horizon` intervals later, over one or more symbols, ordered by time.
 */
import { intervalMs as toIntervalMs, type Candle } from './candles.js';
import { buildFeatures, featureIndexes, FEATURE_NAMES, type FeatureMatrix } from './features.js';
import { backwardReturns, fitTheta, forwardReturns, labelIndex } from './labels.js';

export interface SymbolCandles {
  symbol: string;
  candles: readonly Candle[];
}

export interface PreparedSeries {
  symbol: string;
  features: FeatureMatrix;
  /** close[t+h]/close[t] − 1, NaN where bar t+h is missing. */
  forward: Float64Array;
  /** close[t]/close[t−h] − 1, for the persistence baseline. */
  backward: Float64Array;
}

/** Features and returns per symbol; BTC's candles (if given) feed the market-factor columns. */
export function prepareSeries(symbols: readonly SymbolCandles[], options: { interval: string; horizon: number; btc?: readonly Candle[] | undefined }): PreparedSeries[] {
  const ms = toIntervalMs(options.interval);
  const btc = options.btc ?? symbols.find((s) => s.symbol === 'BTCUSDT')?.candles;
  return symbols.map((s) => ({
    symbol: s.symbol,
    features: buildFeatures(s.candles, { btc }),
    forward: forwardReturns(s.candles, options.horizon, ms),
    backward: backwardReturns(s.candles, options.horizon, ms),
  }));
}

export interface Dataset {
  featureNames: readonly string[];
  rows: number;
  cols: number;
  /** Row-major rows × cols in `featureNames` order. */
  X: Float64Array;
  /** Class index in CLASSES order. */
  y: Int32Array;
  /** The persistence baseline's class (label of the last h bars), −1 where unknown. */
  previous: Int32Array;
  forward: Float64Array;
  openTimes: Float64Array;
  symbols: string[];
  symbolIndex: Uint16Array;
}

export interface RowWindow {
  /** Bars whose open time is ≥ from (ms). */
  from?: number;
  /** Bars whose open time is < before (ms). */
  before?: number;
  /** Only rows whose label bar (t + h) opens at or before this time (ms). */
  labelBy?: number;
}

/** θ per symbol from the forward returns of the rows in `window`. */
export function fitThetas(series: readonly PreparedSeries[], window: RowWindow, horizon: number, interval: string): Record<string, number> {
  const ms = toIntervalMs(interval);
  const out: Record<string, number> = {};
  for (const s of series) {
    const returns: number[] = [];
    eachRow(s, window, horizon * ms, (i) => returns.push(s.forward[i]!));
    if (returns.length > 0) out[s.symbol] = fitTheta(returns);
  }
  return out;
}

/** Labelled rows of every series in `window`, sorted by open time (then by symbol). */
export function selectRows(
  series: readonly PreparedSeries[],
  window: RowWindow,
  theta: Record<string, number>,
  options: { horizon: number; interval: string; featureNames?: readonly string[] },
): Dataset {
  const ms = toIntervalMs(options.interval);
  const names = options.featureNames ?? FEATURE_NAMES;
  const idx = featureIndexes(names);
  const picks: Array<{ s: number; i: number; t: number }> = [];
  series.forEach((s, si) => {
    if (theta[s.symbol] === undefined) return;
    eachRow(s, window, options.horizon * ms, (i) => picks.push({ s: si, i, t: s.features.openTimes[i]! }));
  });
  picks.sort((a, b) => a.t - b.t || a.s - b.s);
  const cols = idx.length;
  const X = new Float64Array(picks.length * cols);
  const y = new Int32Array(picks.length);
  const previous = new Int32Array(picks.length);
  const forward = new Float64Array(picks.length);
  const openTimes = new Float64Array(picks.length);
  const symbolIndex = new Uint16Array(picks.length);
  picks.forEach((p, r) => {
    const s = series[p.s]!;
    const th = theta[s.symbol]!;
    const src = p.i * s.features.cols;
    for (let k = 0; k < cols; k++) X[r * cols + k] = s.features.values[src + idx[k]!]!;
    y[r] = labelIndex(s.forward[p.i]!, th);
    const back = s.backward[p.i]!;
    previous[r] = Number.isFinite(back) ? labelIndex(back, th) : -1;
    forward[r] = s.forward[p.i]!;
    openTimes[r] = p.t;
    symbolIndex[r] = p.s;
  });
  return { featureNames: names, rows: picks.length, cols, X, y, previous, forward, openTimes, symbols: series.map((s) => s.symbol), symbolIndex };
}

function eachRow(s: PreparedSeries, window: RowWindow, horizonMs: number, visit: (i: number) => void): void {
  const { from = -Infinity, before = Infinity, labelBy = Infinity } = window;
  const f = s.features;
  for (let i = 0; i < f.rows; i++) {
    const t = f.openTimes[i]!;
    if (t < from || t >= before || t + horizonMs > labelBy) continue;
    if (!f.ready[i] || !Number.isFinite(s.forward[i]!)) continue;
    visit(i);
  }
}
