/**
 * The technical indicators, streamed bar by bar from `trading-signals` with the settings the
 * model's features use: RSI(14) with Wilder smoothing, MACD(12, 26, 9), Bollinger(20, 2) (its
 * middle band is the SMA(20)), ATR(14), EMA(50), and the realised volatility of the last 24
 * one-bar log returns. Features (`buildFeatures`) and the market analysis read the same
 * stream, so an analysis number equals the feature it shows (before the features divide the
 * price-scaled ones by the close).
 */
import { ATR, BollingerBands, EMA, MACD, RSI } from 'trading-signals';
import type { Candle } from './candles.js';

export const VOLATILITY_BARS = 24;

export interface IndicatorValues {
  rsi14: number | null;
  macd: { macd: number; signal: number; histogram: number } | null;
  bollinger: { upper: number; middle: number; lower: number } | null;
  atr14: number | null;
  ema50: number | null;
  /** Population standard deviation of the last 24 one-bar log returns; null before 25 bars. */
  volatility: number | null;
}

export class IndicatorStream {
  readonly #rsi = new RSI(14);
  readonly #macd = new MACD(new EMA(12), new EMA(26), new EMA(9));
  readonly #bb = new BollingerBands(20, 2);
  readonly #atr = new ATR(14);
  readonly #ema50 = new EMA(50);
  readonly #logReturns: number[] = [];
  #lastLogClose: number | undefined;

  /** Adds the next closed bar and returns every indicator as of that bar. */
  add(c: Candle): IndicatorValues {
    const logClose = Math.log(c.close);
    if (this.#lastLogClose !== undefined) {
      this.#logReturns.push(logClose - this.#lastLogClose);
      if (this.#logReturns.length > VOLATILITY_BARS) this.#logReturns.shift();
    }
    this.#lastLogClose = logClose;
    const rsi = this.#rsi.add(c.close);
    const macd = this.#macd.add(c.close);
    const bb = this.#bb.add(c.close);
    const atr = this.#atr.add({ high: c.high, low: c.low, close: c.close });
    const ema = this.#ema50.add(c.close);
    return {
      rsi14: finite(rsi),
      macd: macd && Number.isFinite(macd.macd) && Number.isFinite(macd.signal) ? { macd: macd.macd, signal: macd.signal, histogram: macd.histogram } : null,
      bollinger: bb ? { upper: bb.upper, middle: bb.middle, lower: bb.lower } : null,
      atr14: finite(atr),
      ema50: finite(ema),
      volatility: this.#logReturns.length === VOLATILITY_BARS ? populationStdev(this.#logReturns) : null,
    };
  }
}

/** The indicators as of the last of `candles` (closed bars, oldest first). */
export function latestIndicators(candles: readonly Candle[]): IndicatorValues | undefined {
  const stream = new IndicatorStream();
  let last: IndicatorValues | undefined;
  for (const c of candles) last = stream.add(c);
  return last;
}

function finite(v: number | null | undefined): number | null {
  return v != null && Number.isFinite(v) ? v : null;
}

function populationStdev(x: readonly number[]): number {
  let sum = 0;
  let sq = 0;
  for (const v of x) {
    sum += v;
    sq += v * v;
  }
  const mean = sum / x.length;
  return Math.sqrt(Math.max(0, sq / x.length - mean * mean));
}
