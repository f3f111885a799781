import { MarketModel } from './market-model.js';
import { Prng } from './prng.js';
import type { SymbolProfile } from './symbol-profiles.js';
import type { UnitCandle, Units } from './units.js';

const MINUTE = 60_000;
/** How far back history reaches; older requests get what exists. */
export const MAX_HISTORY_MINUTES = 31 * 24 * 60;

export interface HistorySymbol {
  profile: SymbolProfile;
  price: Units;
  qty: Units;
}

/**
 * Deterministic 1m history that ENDS at the start prices: generated backwards from the anchor
 * (the first live minute), so live prices continue the chart with no jump. All symbols step
 * together, so alts keep their correlation with BTC in history too.
 */
export class SimulatedHistory {
  #model: MarketModel;
  #prng: Prng;
  /** Per symbol, newest first: index k-1 is the minute starting at anchor − k minutes. */
  #candles: UnitCandle[][];
  #prices: number[];
  #coarse = new Map<string, UnitCandle[][]>();

  constructor(
    private readonly symbols: HistorySymbol[],
    private readonly seed: string,
    private readonly anchorMs: number,
  ) {
    this.#prng = new Prng(seed, 'history');
    this.#model = new MarketModel(symbols.map((s) => s.profile), this.#prng);
    this.#candles = symbols.map(() => []);
    this.#prices = symbols.map((s) => s.profile.startPrice);
  }

  /** Closed candles of symbol `index` with openTime in [startMs, endMs), oldest first. */
  range(index: number, startMs: number, endMs: number): UnitCandle[] {
    const newestK = Math.max(1, Math.floor((this.anchorMs - endMs) / MINUTE) + 1);
    const oldestK = Math.min(MAX_HISTORY_MINUTES, Math.floor((this.anchorMs - startMs) / MINUTE));
    if (oldestK < newestK) return [];
    this.#ensure(oldestK);
    const list = this.#candles[index]!;
    const out: UnitCandle[] = [];
    for (let k = oldestK; k >= newestK; k--) {
      const c = list[k - 1]!;
      if (c.openTime >= startMs && c.openTime < endMs) out.push(c);
    }
    return out;
  }

  /**
   * Coarse candles of `bucketMinutes` for the long charts (1D, 1W) before the minute history:
   * generated backwards from the open of the minute at `endMs`, so they join the minutes with
   * no jump. Every symbol steps together, like the minutes; a given `endMs` always gives the
   * same candles.
   */
  coarse(index: number, bucketMinutes: number, startMs: number, endMs: number): UnitCandle[] {
    const bucketMs = bucketMinutes * MINUTE;
    const count = Math.max(0, Math.floor((endMs - startMs) / bucketMs));
    const key = `${bucketMinutes}/${endMs}/${count}`;
    let all = this.#coarse.get(key);
    if (!all) {
      all = this.#generateCoarse(bucketMinutes, endMs, count);
      this.#coarse.set(key, all);
    }
    return all[index] ?? [];
  }

  #generateCoarse(bucketMinutes: number, endMs: number, count: number): UnitCandle[][] {
    const k = Math.floor((this.anchorMs - endMs) / MINUTE);
    if (k > 0 && k <= MAX_HISTORY_MINUTES) this.#ensure(k);
    const prices = this.symbols.map((s, i) => (k > 0 && k <= MAX_HISTORY_MINUTES ? this.#candles[i]![k - 1]!.o * s.price.size : s.profile.startPrice));
    const prng = new Prng(this.seed, `coarse/${bucketMinutes}/${endMs}`);
    const model = new MarketModel(this.symbols.map((s) => s.profile), prng);
    const out: UnitCandle[][] = this.symbols.map(() => []);
    for (let n = 1; n <= count; n++) {
      const openTime = endMs - n * bucketMinutes * MINUTE;
      const moves = model.step(bucketMinutes);
      this.symbols.forEach((s, i) => {
        const move = moves[i]!;
        const close = prices[i]!;
        const open = close * Math.exp(-move.ret);
        prices[i] = open;
        const spread = Math.sqrt((s.profile.annualVol ** 2 / (365 * 24 * 60)) * bucketMinutes) * move.volRatio * 0.6;
        const high = Math.max(open, close) * Math.exp(Math.abs(prng.normal()) * spread);
        const low = Math.min(open, close) * Math.exp(-Math.abs(prng.normal()) * spread);
        const volume = s.profile.volumePerMinute * bucketMinutes * Math.exp(0.3 * prng.normal() - 0.045) * move.volRatio;
        const o = s.price.of(open, 1);
        const c = s.price.of(close, 1);
        out[i]!.push({ openTime, o, c, h: Math.max(o, c, s.price.of(high, 1)), l: Math.min(o, c, s.price.of(low, 1)), v: s.qty.of(volume, 1) });
      });
    }
    return out.map((list) => list.reverse());
  }

  #ensure(k: number): void {
    while (this.#candles[0]!.length < k) {
      const openTime = this.anchorMs - (this.#candles[0]!.length + 1) * MINUTE;
      const moves = this.#model.step(1);
      this.symbols.forEach((s, i) => {
        const move = moves[i]!;
        const close = this.#prices[i]!;
        const open = close * Math.exp(-move.ret);
        this.#prices[i] = open;
        const spread = Math.sqrt(s.profile.annualVol ** 2 / (365 * 24 * 60)) * move.volRatio * 0.6;
        const high = Math.max(open, close) * Math.exp(Math.abs(this.#prng.normal()) * spread);
        const low = Math.min(open, close) * Math.exp(-Math.abs(this.#prng.normal()) * spread);
        const volume = s.profile.volumePerMinute * Math.exp(0.5 * this.#prng.normal() - 0.125) * move.volRatio * (0.7 + 0.3 * Math.abs(move.shock));
        const o = s.price.of(open, 1);
        const c = s.price.of(close, 1);
        this.#candles[i]!.push({
          openTime,
          o,
          c,
          h: Math.max(o, c, s.price.of(high, 1)),
          l: Math.min(o, c, s.price.of(low, 1)),
          v: s.qty.of(volume, 1),
        });
      });
    }
  }
}
