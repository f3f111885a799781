import type { OutgoingMessage } from '../../../ports/bus/bus-port.js';

export interface OutboxEntry {
  message: OutgoingMessage;
  /** Closed candles are never dropped; ticks and live candle updates may be (a newer one follows). */
  droppable: boolean;
}

/**
 * One topic's pending messages, in order. Bounded: past `maxDroppable` pending droppable
 * entries, the oldest droppable ones go first; closed candles stay until published.
 */
export class MarketOutbox {
  #entries: OutboxEntry[] = [];
  #droppable = 0;
  dropped = 0;

  constructor(readonly maxDroppable: number) {}

  get size(): number {
    return this.#entries.length;
  }

  push(entry: OutboxEntry): void {
    this.#entries.push(entry);
    if (entry.droppable) this.#droppable += 1;
    this.#trim();
  }

  /** Removes and returns up to `n` entries from the front. */
  take(n: number): OutboxEntry[] {
    const batch = this.#entries.splice(0, n);
    this.#droppable -= batch.filter((e) => e.droppable).length;
    return batch;
  }

  /** Puts a batch that failed back in front, in its order. */
  restore(batch: OutboxEntry[]): void {
    this.#entries.unshift(...batch);
    this.#droppable += batch.filter((e) => e.droppable).length;
    this.#trim();
  }

  #trim(): void {
    if (this.#droppable <= this.maxDroppable) return;
    let excess = this.#droppable - this.maxDroppable;
    this.#entries = this.#entries.filter((e) => {
      if (excess > 0 && e.droppable) {
        excess -= 1;
        return false;
      }
      return true;
    });
    const removed = this.#droppable - this.maxDroppable;
    this.#droppable = this.maxDroppable;
    this.dropped += removed;
  }
}
