import type { BusMessage } from '../../../ports/bus/bus-port.js';

/**
 * The bus redelivers a whole batch when a handler fails part-way. Cache writes and upserts
 * are idempotent, pub/sub is not: this remembers, per partition, the last offset whose
 * frame went out, so a redelivered batch in the same process publishes nothing twice.
 * (A new process starts empty: at most one batch may repeat after a crash, at-least-once.)
 */
export class PublishedOffsets {
  readonly #last = new Map<string, bigint>();

  isNew(message: BusMessage): boolean {
    const last = this.#last.get(`${message.topic}/${message.partition}`);
    return last === undefined || message.offset > last;
  }

  markPublished(messages: BusMessage[]): void {
    for (const m of messages) {
      const key = `${m.topic}/${m.partition}`;
      const last = this.#last.get(key);
      if (last === undefined || m.offset > last) this.#last.set(key, m.offset);
    }
  }
}
