/** Millisecond latency histogram: constant memory however many samples, exact to 1 ms. */
export class LatencyHistogram {
  readonly #buckets = new Uint32Array(60_001);
  count = 0;
  max = 0;

  record(ms: number): void {
    const v = Math.max(0, Math.min(60_000, Math.round(ms)));
    this.#buckets[v]! += 1;
    this.count += 1;
    if (ms > this.max) this.max = ms;
  }

  merge(other: { buckets: number[]; count: number; max: number }): void {
    other.buckets.forEach((n, i) => (this.#buckets[i]! += n));
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
  }

  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.#buckets.length; i++) {
      seen += this.#buckets[i]!;
      if (seen >= rank) return i;
    }
    return this.max;
  }

  toJSON(): { buckets: number[]; count: number; max: number } {
    return { buckets: Array.from(this.#buckets), count: this.count, max: this.max };
  }
}
