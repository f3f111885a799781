import type { ManagedPort } from '../port-health.js';

export type BusImpl = 'memory' | 'kafka';

export interface TopicSpec {
  name: string;
  partitions: number;
}

export interface OutgoingMessage {
  /** Partitioning key: messages with one key keep their order (we use the symbol). */
  key: string;
  value: string;
}

export interface BusMessage extends OutgoingMessage {
  topic: string;
  partition: number;
  offset: bigint;
  timestamp: number;
}

export interface ConsumeOptions {
  /** Logical topic names; implementations apply their own prefix. */
  topics: string[];
  /** Consumer group: each message is handled by one member of the group. */
  groupId: string;
  /**
   * Called with messages in partition order. Offsets are committed only after the
   * returned promise resolves; if it rejects, the same messages are delivered again
   * (after a backoff), so handlers must be idempotent.
   */
  handler: (messages: BusMessage[]) => Promise<void>;
  /** Where a group with no committed offset starts. Default 'earliest'. */
  fromBeginning?: boolean;
}

export interface Subscription {
  close(): Promise<void>;
}

/** Durable, partitioned, keyed message log (Kafka semantics). */
export interface BusPort extends ManagedPort {
  readonly impl: BusImpl;
  /** Creates missing topics; existing ones are left as they are. */
  ensureTopics(topics: TopicSpec[]): Promise<void>;
  /** Resolves once the broker has acknowledged every message. */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  consume(options: ConsumeOptions): Promise<Subscription>;
}
