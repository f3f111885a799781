/**
 * Consumer groups of the in-process bus: committed offsets, partition assignment and the
 * delivery loop of each member. Mirrors Kafka's at-least-once contract: offsets move only
 * after the handler resolves, a rejected batch is delivered again after a backoff.
 */
import type { Logger } from 'pino';
import type { BusMessage, ConsumeOptions, Subscription } from './bus-port.js';
import type { MemoryLog, MemoryPartition } from './memory-log.js';
import { RetryBackoff, sleep, type BackoffOptions } from './retry-backoff.js';

export const MAX_BATCH = 500;

export class MemoryGroup {
  /** Next offset to deliver, per partition; kept while the group has no members (restarts resume). */
  readonly committed = new Map<MemoryPartition, bigint>();
  readonly #members: MemoryMember[] = [];
  readonly #owner = new Map<MemoryPartition, MemoryMember>();
  /** Partitions whose batch is in a handler right now: a new owner waits until it settles. */
  readonly inFlight = new Set<MemoryPartition>();

  constructor(private readonly log: MemoryLog) {}

  join(member: MemoryMember): void {
    this.#members.push(member);
    this.rebalance();
  }

  leave(member: MemoryMember): void {
    this.#members.splice(this.#members.indexOf(member), 1);
    this.rebalance();
  }

  ownedBy(member: MemoryMember): MemoryPartition[] {
    return [...this.#owner].filter(([, owner]) => owner === member).map(([p]) => p);
  }

  /** Round-robin over the members subscribed to each topic, in join order. */
  rebalance(): void {
    this.#owner.clear();
    const topics = new Set(this.#members.flatMap((m) => m.topics));
    for (const topic of topics) {
      const eligible = this.#members.filter((m) => m.topics.includes(topic));
      for (const partition of this.log.partitions(topic)) {
        const owner = eligible[partition.index % eligible.length]!;
        this.#owner.set(partition, owner);
        if (!this.committed.has(partition)) {
          this.committed.set(partition, owner.fromBeginning ? partition.startOffset : partition.endOffset);
        }
      }
    }
    this.wakeAll();
  }

  wakeAll(): void {
    for (const member of this.#members) member.wake();
  }
}

export class MemoryMember implements Subscription {
  readonly topics: string[];
  readonly fromBeginning: boolean;
  readonly #abort = new AbortController();
  readonly #backoff: RetryBackoff;
  #wakeUp: (() => void) | undefined;
  #loop: Promise<void> | undefined;

  constructor(
    private readonly group: MemoryGroup,
    private readonly options: ConsumeOptions,
    backoff: BackoffOptions,
    private readonly logger: Logger,
    private readonly afterCommit: (partitions: MemoryPartition[]) => void,
  ) {
    this.topics = options.topics;
    this.fromBeginning = options.fromBeginning ?? true;
    this.#backoff = new RetryBackoff(backoff);
  }

  start(): void {
    this.group.join(this);
    this.#loop = this.#run();
  }

  wake(): void {
    this.#wakeUp?.();
  }

  async close(): Promise<void> {
    if (this.#abort.signal.aborted) return this.#loop;
    this.#abort.abort();
    this.wake();
    await this.#loop;
    this.group.leave(this);
  }

  async #run(): Promise<void> {
    while (!this.#abort.signal.aborted) {
      const { batch, partitions } = this.#collect();
      if (batch.length === 0) {
        await new Promise<void>((resolve) => (this.#wakeUp = resolve));
        continue;
      }
      for (const p of partitions) this.group.inFlight.add(p);
      try {
        await this.options.handler(batch);
        for (const p of partitions) {
          const last = batch.findLast((m) => m.topic === p.topic && m.partition === p.index)!;
          this.group.committed.set(p, last.offset + 1n);
        }
        this.#backoff.reset();
        this.afterCommit(partitions);
      } catch (error) {
        const delay = this.#backoff.next();
        this.logger.warn({ err: error, groupId: this.options.groupId, delayMs: delay }, 'bus handler failed; redelivering');
        await sleep(delay, this.#abort.signal);
      } finally {
        for (const p of partitions) this.group.inFlight.delete(p);
        this.group.wakeAll();
      }
    }
  }

  #collect(): { batch: BusMessage[]; partitions: MemoryPartition[] } {
    const batch: BusMessage[] = [];
    const partitions: MemoryPartition[] = [];
    for (const partition of this.group.ownedBy(this)) {
      if (this.group.inFlight.has(partition) || batch.length >= MAX_BATCH) continue;
      const messages = partition.read(this.group.committed.get(partition)!, MAX_BATCH - batch.length);
      if (messages.length === 0) continue;
      batch.push(...messages);
      partitions.push(partition);
    }
    return { batch, partitions };
  }
}
