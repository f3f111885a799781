import { Decimal } from 'decimal.js';

/**
 * Prices and quantities in whole exchange units (ticks of tickSize, steps of stepSize), so a
 * candle's values are exact and always on the symbol's grid; strings are made only at the edge.
 */
export class Units {
  readonly size: number;
  readonly #decimals: number;
  readonly #step: Decimal;

  constructor(stepSize: string) {
    this.#step = new Decimal(stepSize);
    this.size = this.#step.toNumber();
    this.#decimals = Math.max(0, this.#step.decimalPlaces());
  }

  /** Nearest whole number of units to `value`, at least `min`. */
  of(value: number, min = 0): number {
    return Math.max(min, Math.round(value / this.size));
  }

  format(units: number): string {
    return this.#step.mul(units).toFixed(this.#decimals);
  }
}

/** One minute in whole units: prices in ticks, volume in lot steps. */
export interface UnitCandle {
  openTime: number;
  o: number;
  h: number;
  l: number;
  c: number;
  v: number;
}
