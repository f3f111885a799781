/**
 * The lowest and highest price of one symbol over a sliding time window, in O(1) amortised
 * per tick (monotonic deques): what a PERCENT_MOVE alert compares the live price with.
 */
interface Sample {
  time: number;
  price: number;
}

export class MoveWindow {
  private readonly lows: Sample[] = [];
  private readonly highs: Sample[] = [];
  private lowHead = 0;
  private highHead = 0;

  constructor(readonly windowMs: number) {}

  /**
   * Adds a tick and returns the largest move in percent the window holds, up from its low or
   * down from its high to `price`. A ratio, not money: a float is exact enough to compare
   * with a threshold given to 4 decimal places.
   */
  push(time: number, price: number): number {
    this.evict(time - this.windowMs);
    pushMonotonic(this.lows, this.lowHead, { time, price }, (kept, next) => kept.price < next.price);
    pushMonotonic(this.highs, this.highHead, { time, price }, (kept, next) => kept.price > next.price);
    const low = this.lows[this.lowHead]!.price;
    const high = this.highs[this.highHead]!.price;
    const up = low > 0 ? ((price - low) / low) * 100 : 0;
    const down = high > 0 ? ((high - price) / high) * 100 : 0;
    return Math.max(up, down);
  }

  private evict(before: number): void {
    while (this.lowHead < this.lows.length && this.lows[this.lowHead]!.time < before) this.lowHead++;
    while (this.highHead < this.highs.length && this.highs[this.highHead]!.time < before) this.highHead++;
    // Compact now and then so the arrays do not grow with the evicted prefix.
    if (this.lowHead > 1024 && this.lowHead * 2 > this.lows.length) this.lowHead = compact(this.lows, this.lowHead);
    if (this.highHead > 1024 && this.highHead * 2 > this.highs.length) this.highHead = compact(this.highs, this.highHead);
  }
}

function pushMonotonic(list: Sample[], head: number, next: Sample, keeps: (kept: Sample, next: Sample) => boolean): void {
  while (list.length > head && !keeps(list[list.length - 1]!, next)) list.pop();
  list.push(next);
}

function compact(list: Sample[], head: number): number {
  list.splice(0, head);
  return 0;
}
