import { Decimal } from 'decimal.js';
import type { CsvCandle } from './read-candle-csv.js';

const DAY_MINUTES = 1440;

/** 24 h ticker figures over the replayed candles, keeping the file's own strings. */
export class ReplayedDay {
  #minutes: CsvCandle[] = [];
  #volume = new Decimal(0);

  add(c: CsvCandle): void {
    this.#minutes.push(c);
    this.#volume = this.#volume.plus(c.volume);
    if (this.#minutes.length > DAY_MINUTES) this.#volume = this.#volume.minus(this.#minutes.shift()!.volume);
  }

  /** Window stats with `current` (the minute being replayed, up to `price`) included. */
  stats(current: { open: string; high: string; low: string; volume: string }) {
    let high = current.high;
    let low = current.low;
    for (const c of this.#minutes) {
      if (Number(c.high) > Number(high)) high = c.high;
      if (Number(c.low) < Number(low)) low = c.low;
    }
    const full = this.#minutes.length === DAY_MINUTES;
    const open = (full ? this.#minutes[1] : this.#minutes[0])?.open ?? current.open;
    const volume = this.#volume.minus(full ? this.#minutes[0]!.volume : 0).plus(current.volume);
    return { open24h: open, high24h: high, low24h: low, volume24h: volume.toFixed() };
  }
}
