/**
 * In-process BusPort for the embedded run mode: same semantics as Kafka (keyed partitions,
 * consumer groups, commit after the handler, redelivery), no durability across restarts.
 * Memory stays bounded: a message every known group has consumed is dropped, so a group
 * that first subscribes later starts from what is still retained.
 */
import type { Logger } from 'pino';
import type { PortHealth } from '../port-health.js';
import type { BusPort, ConsumeOptions, OutgoingMessage, Subscription, TopicSpec } from './bus-port.js';
import { MemoryGroup, MemoryMember } from './memory-group.js';
import { DEFAULT_RETAINED_PER_PARTITION, MemoryLog, type MemoryPartition } from './memory-log.js';
import { DEFAULT_BACKOFF, type BackoffOptions } from './retry-backoff.js';

export interface MemoryBusOptions {
  logger: Logger;
  /** Redelivery delays after a handler rejects. */
  backoff?: BackoffOptions;
  /** Retention per partition for messages some group has not consumed yet. */
  retainedPerPartition?: number;
}

export class MemoryBus implements BusPort {
  readonly impl = 'memory' as const;
  readonly #log: MemoryLog;
  readonly #groups = new Map<string, MemoryGroup>();
  readonly #members = new Set<MemoryMember>();
  #closed = false;

  constructor(private readonly options: MemoryBusOptions) {
    this.#log = new MemoryLog(options.retainedPerPartition ?? DEFAULT_RETAINED_PER_PARTITION);
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    this.#assertOpen();
    for (const { name, partitions } of topics) this.#log.ensure(name, partitions);
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.#assertOpen();
    this.#log.append(topic, messages);
    for (const group of this.#groups.values()) group.wakeAll();
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    this.#assertOpen();
    for (const topic of options.topics) this.#log.partitions(topic);
    let group = this.#groups.get(options.groupId);
    if (!group) {
      group = new MemoryGroup(this.#log);
      this.#groups.set(options.groupId, group);
    }
    const member = new MemoryMember(
      group,
      options,
      this.options.backoff ?? DEFAULT_BACKOFF,
      this.options.logger,
      (partitions) => this.#trim(partitions),
    );
    member.start();
    this.#members.add(member);
    return {
      close: async () => {
        this.#members.delete(member);
        await member.close();
      },
    };
  }

  async health(): Promise<PortHealth> {
    return this.#closed ? { impl: this.impl, ok: false, error: 'closed' } : { impl: this.impl, ok: true };
  }

  async close(): Promise<void> {
    this.#closed = true;
    const members = [...this.#members];
    this.#members.clear();
    await Promise.all(members.map((m) => m.close()));
  }

  /** Drops messages that every group holding a position on the partition has consumed. */
  #trim(partitions: MemoryPartition[]): void {
    for (const partition of partitions) {
      let min: bigint | undefined;
      for (const group of this.#groups.values()) {
        const offset = group.committed.get(partition);
        if (offset !== undefined && (min === undefined || offset < min)) min = offset;
      }
      if (min !== undefined) partition.trimBefore(min);
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('bus is closed');
  }
}
