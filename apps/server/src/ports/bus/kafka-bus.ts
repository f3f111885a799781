/**
 * BusPort on Apache Kafka through @platformatic/kafka. Topic and group names get the
 * configured prefix, so test runs (and several deployments on one cluster) stay apart.
 * Never throws for an unreachable broker at construction: health() reports it and
 * subscriptions reconnect with backoff.
 */
import type { Logger } from 'pino';
import { Admin, Producer, stringSerializers } from '@platformatic/kafka';
import type { PortHealth } from '../port-health.js';
import type { BusPort, ConsumeOptions, OutgoingMessage, Subscription, TopicSpec } from './bus-port.js';
import { KafkaSubscription, type KafkaConsumerSettings } from './kafka-subscription.js';
import { DEFAULT_BACKOFF } from './retry-backoff.js';
import { withTimeout } from './with-timeout.js';

export type KafkaConsumerTuning = Partial<Omit<KafkaConsumerSettings, 'brokers' | 'clientId' | 'logger'>>;

export interface KafkaBusOptions {
  brokers: string[];
  /** Prepended to every topic and consumer group name, e.g. `cryptosim.` or a test run's id. */
  topicPrefix: string;
  clientId: string;
  logger: Logger;
  consumer?: KafkaConsumerTuning;
  healthTimeoutMs?: number;
}

const CLOSE_TIMEOUT_MS = 5_000;

export class KafkaBus implements BusPort {
  readonly impl = 'kafka' as const;
  readonly #producer: Producer<string, string, string, string>;
  readonly #admin: Admin;
  readonly #consumerSettings: KafkaConsumerSettings;
  readonly #subscriptions = new Set<KafkaSubscription>();
  #closed = false;

  constructor(private readonly options: KafkaBusOptions) {
    const { brokers, clientId } = options;
    // Idempotent: acks from all in-sync replicas, and a retried batch is never written twice
    // or out of order, which keeps per-symbol order intact across broker hiccups.
    this.#producer = new Producer({ clientId, bootstrapBrokers: brokers, serializers: stringSerializers, idempotent: true });
    this.#admin = new Admin({ clientId: `${clientId}-admin`, bootstrapBrokers: brokers, retries: 1, retryDelay: 250 });
    this.#consumerSettings = {
      brokers,
      clientId,
      logger: options.logger,
      sessionTimeoutMs: 30_000,
      heartbeatIntervalMs: 3_000,
      rebalanceTimeoutMs: 60_000,
      maxWaitTimeMs: 1_000,
      maxBatch: 500,
      backoff: DEFAULT_BACKOFF,
      ...options.consumer,
    };
  }

  async ensureTopics(topics: TopicSpec[]): Promise<void> {
    this.#assertOpen();
    const wanted = topics.map((t) => ({ topic: this.#physical(t.name), partitions: t.partitions, replicas: 1 }));
    const existing = new Set(await this.#admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t.topic));
    if (missing.length === 0) return;
    try {
      await this.#admin.createTopics({ topics: missing });
    } catch (error) {
      // Another replica may have created them first; only a topic still missing is a failure.
      const now = new Set(await this.#admin.listTopics());
      if (missing.some((t) => !now.has(t.topic))) throw error;
    }
    await this.#waitForLeaders(missing.map((t) => t.topic));
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.#assertOpen();
    if (messages.length === 0) return;
    const physical = this.#physical(topic);
    await this.#producer.send({ messages: messages.map((m) => ({ topic: physical, key: m.key, value: m.value })) });
  }

  async consume(options: ConsumeOptions): Promise<Subscription> {
    this.#assertOpen();
    const subscription = new KafkaSubscription(
      this.#consumerSettings,
      this.#physical(options.groupId),
      options.topics.map((t) => this.#physical(t)),
      options,
      (physical) => physical.slice(this.options.topicPrefix.length),
    );
    this.#subscriptions.add(subscription);
    await subscription.start();
    return {
      close: async () => {
        this.#subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async health(): Promise<PortHealth> {
    if (this.#closed) return { impl: this.impl, ok: false, error: 'closed' };
    try {
      await withTimeout(this.#admin.metadata({ topics: [], forceUpdate: true }), this.options.healthTimeoutMs ?? 2_000, 'metadata request');
      return { impl: this.impl, ok: true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { impl: this.impl, ok: false, error: `kafka ${this.options.brokers.join(',')} unavailable: ${reason}` };
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#subscriptions].map((s) => s.close()));
    this.#subscriptions.clear();
    await Promise.all([
      withTimeout(this.#producer.close(), CLOSE_TIMEOUT_MS, 'producer close').catch(() => undefined),
      withTimeout(this.#admin.close(), CLOSE_TIMEOUT_MS, 'admin close').catch(() => undefined),
    ]);
  }

  /** A topic created a moment ago may not have a leader yet; publishing then would fail. */
  async #waitForLeaders(topics: string[], timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const metadata = await this.#admin.metadata({ topics, forceUpdate: true }).catch(() => undefined);
      const ready = topics.every((t) => {
        const partitions = metadata?.topics.get(t)?.partitions;
        return partitions !== undefined && partitions.length > 0 && partitions.every((p) => p.leader >= 0);
      });
      if (ready) return;
      if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leader after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  #physical(name: string): string {
    return `${this.options.topicPrefix}${name}`;
  }

  #assertOpen(): void {
    if (this.#closed) throw new Error('bus is closed');
  }
}
