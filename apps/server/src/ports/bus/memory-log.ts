/** The in-process bus's storage: per topic, N append-only partitions with Kafka-style offsets. */
import type { BusMessage, OutgoingMessage } from './bus-port.js';

/** Oldest messages beyond this many per partition are dropped, like Kafka's retention. */
export const DEFAULT_RETAINED_PER_PARTITION = 100_000;

/** FNV-1a: stable across processes, so one key always lands on one partition. */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
}

export class MemoryPartition {
  /** Offset of messages[0]; grows as consumed or expired messages are trimmed. */
  startOffset = 0n;
  readonly messages: BusMessage[] = [];

  constructor(
    readonly topic: string,
    readonly index: number,
  ) {}

  get endOffset(): bigint {
    return this.startOffset + BigInt(this.messages.length);
  }

  append(message: OutgoingMessage, retained: number): void {
    this.messages.push({
      topic: this.topic,
      partition: this.index,
      offset: this.endOffset,
      timestamp: Date.now(),
      key: message.key,
      value: message.value,
    });
    if (this.messages.length > retained) this.trimBefore(this.endOffset - BigInt(retained));
  }

  /** Up to `max` messages from `offset` on (from the start when `offset` was trimmed). */
  read(offset: bigint, max: number): BusMessage[] {
    const from = Number((offset < this.startOffset ? this.startOffset : offset) - this.startOffset);
    return this.messages.slice(from, from + max);
  }

  trimBefore(offset: bigint): void {
    const count = Math.min(Number(offset - this.startOffset), this.messages.length);
    if (count <= 0) return;
    this.messages.splice(0, count);
    this.startOffset += BigInt(count);
  }
}

export class MemoryLog {
  readonly #topics = new Map<string, MemoryPartition[]>();

  constructor(private readonly retainedPerPartition = DEFAULT_RETAINED_PER_PARTITION) {}

  ensure(name: string, partitions: number): void {
    if (this.#topics.has(name)) return;
    if (!Number.isInteger(partitions) || partitions < 1) {
      throw new Error(`topic ${name}: partitions must be a positive integer, got ${partitions}`);
    }
    this.#topics.set(name, Array.from({ length: partitions }, (_, i) => new MemoryPartition(name, i)));
  }

  partitions(topic: string): MemoryPartition[] {
    const found = this.#topics.get(topic);
    if (!found) throw new Error(`unknown topic ${topic}: call ensureTopics first`);
    return found;
  }

  append(topic: string, messages: OutgoingMessage[]): void {
    const partitions = this.partitions(topic);
    for (const message of messages) {
      partitions[partitionForKey(message.key, partitions.length)]!.append(message, this.retainedPerPartition);
    }
  }
}
