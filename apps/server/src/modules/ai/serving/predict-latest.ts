/**
 * A prediction at the latest closed bar of a symbol: features from the closed candles of the
 * model's interval (the symbol's and BTC's, as the model was trained), then the evaluator.
 * Undefined when the symbol has not enough closed history for every feature yet.
 */
import type { Interval } from '@cryptosim/contracts';
import type { Database } from '../../../ports/db/db-port.js';
import { readClosedCandles, type ClosedCandle } from '../../market/index.js';
import { CLASSES, FEATURE_LOOKBACK_BARS, intervalMs, latestFeatures, selectFeatures, type Candle, type Direction } from '../engine/index.js';
import type { ServedModel } from './active-model-cache.js';

export const MARKET_FACTOR_SYMBOL = 'BTCUSDT';

export interface LatestPrediction {
  symbol: string;
  /** Open time (ms) of the bar at whose close the prediction is made. */
  barOpenTime: number;
  /** That bar's close time = when the prediction could first be made. */
  barCloseTime: number;
  /** barCloseTime + horizon bars. */
  resolveAt: number;
  /** The bar's close, as stored (decimal string). */
  priceAt: string;
  label: Direction;
  probabilities: Record<Direction, number>;
}

export async function predictLatest(db: Database, model: ServedModel, symbol: string): Promise<LatestPrediction | undefined> {
  const { artifact, evaluator } = model;
  const interval = artifact.interval as Interval;
  const ms = intervalMs(interval);
  const own = await readClosedCandles(db, symbol, interval, { limit: FEATURE_LOOKBACK_BARS });
  const last = own[own.length - 1];
  if (!last) return undefined;
  const btc = symbol === MARKET_FACTOR_SYMBOL ? own : await readClosedCandles(db, MARKET_FACTOR_SYMBOL, interval, { limit: FEATURE_LOOKBACK_BARS, endTime: last.openTime });
  const latest = latestFeatures(own.map(toEngine), btc.map(toEngine));
  if (!latest) return undefined;
  const probabilities = evaluator.predict(selectFeatures(latest.features, artifact));
  return {
    symbol,
    barOpenTime: last.openTime,
    barCloseTime: last.openTime + ms,
    resolveAt: last.openTime + ms + artifact.horizon * ms,
    priceAt: last.close,
    label: mostLikely(probabilities),
    probabilities,
  };
}

/** The most probable class; a tie goes to the earlier class of CLASSES. */
export function mostLikely(p: Record<Direction, number>): Direction {
  return CLASSES.reduce((best, c) => (p[c] > p[best] ? c : best));
}

export function toEngine(c: ClosedCandle): Candle {
  return { openTime: c.openTime, open: Number(c.open), high: Number(c.high), low: Number(c.low), close: Number(c.close), volume: Number(c.volume) };
}
