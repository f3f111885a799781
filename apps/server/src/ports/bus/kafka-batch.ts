/** Helpers for one batch of Kafka messages: which to hand over, how to convert and commit them. */
import type { Consumer, Message, MessagesStream } from '@platformatic/kafka';
import type { BusMessage } from './bus-port.js';
import { withTimeout } from './with-timeout.js';

export type StringMessage = Message<string, string, string, string>;
export type StringStream = MessagesStream<string, string, string, string>;
export type StringConsumer = Consumer<string, string, string, string>;

/** Next offset to hand over per partition, for what this session already handled and committed. */
export type Delivered = Map<string, bigint>;

const partitionKey = (m: StringMessage) => `${m.topic}:${m.partition}`;

/**
 * False for messages this member must not handle: a fetch sent before a rebalance can return
 * records of partitions now owned by another member, and offsets re-read after a rejoin can
 * repeat what this session already handled and committed.
 */
export function isDeliverable(message: StringMessage, consumer: StringConsumer, delivered: Delivered): boolean {
  const owned = consumer.assignments?.some((a) => a.topic === message.topic && a.partitions.includes(message.partition));
  const next = delivered.get(partitionKey(message));
  return owned === true && (next === undefined || message.offset >= next);
}

/** Commits the offset after the last message of each partition, then remembers it as delivered. */
export async function commitBatch(batch: StringMessage[], delivered: Delivered): Promise<void> {
  const lastPerPartition = new Map<string, StringMessage>();
  for (const m of batch) lastPerPartition.set(partitionKey(m), m);
  await Promise.all([...lastPerPartition.values()].map((m) => m.commit()));
  for (const [key, m] of lastPerPartition) delivered.set(key, m.offset + 1n);
}

export function toBusMessage(m: StringMessage, logicalTopic: (physical: string) => string): BusMessage {
  return {
    topic: logicalTopic(m.topic),
    partition: m.partition,
    offset: m.offset,
    timestamp: Number(m.timestamp),
    key: m.key,
    value: m.value,
  };
}

/** Leaving the group can hang while the broker is gone; a dead session must never block the loop. */
export async function closeQuietly(consumer: StringConsumer): Promise<void> {
  await withTimeout(consumer.close(true), 5_000, 'consumer close').catch(() => undefined);
}
