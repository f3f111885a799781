import type { UnitCandle } from './units.js';

const DAY_MINUTES = 1440;

/** The last 24 h of closed minutes, for the ticker's open/high/low/volume over 24 h. */
export class RollingDay {
  #minutes: UnitCandle[] = [];
  #high = 0;
  #low = Infinity;
  #volume = 0;

  constructor(history: UnitCandle[]) {
    for (const c of history.slice(-DAY_MINUTES)) this.#minutes.push(c);
    this.#recompute();
  }

  add(candle: UnitCandle): void {
    this.#minutes.push(candle);
    if (this.#minutes.length > DAY_MINUTES) this.#minutes.shift();
    this.#recompute();
  }

  #recompute(): void {
    this.#high = 0;
    this.#low = Infinity;
    this.#volume = 0;
    for (const c of this.#minutes) {
      if (c.h > this.#high) this.#high = c.h;
      if (c.l < this.#low) this.#low = c.l;
      this.#volume += c.v;
    }
  }

  /** Stats of the window plus the minute in progress (all in units). */
  stats(live: UnitCandle): { open: number; high: number; low: number; volume: number } {
    const first = this.#minutes.length === DAY_MINUTES ? this.#minutes[1] : this.#minutes[0];
    return {
      open: (first ?? live).o,
      high: Math.max(this.#high, live.h),
      low: Math.min(this.#low, live.l),
      volume: this.#volume - (this.#minutes.length === DAY_MINUTES ? this.#minutes[0]!.v : 0) + live.v,
    };
  }
}
