/**
 * One consumer-group member on Kafka. It runs "sessions": a fresh Consumer joins the group,
 * streams from the committed offsets, hands batches to the handler and commits each batch
 * only after the handler resolves. Anything that breaks a session (handler rejection, broker
 * loss, failed rejoin or commit) closes it without committing; after a backoff a new session
 * resumes from the last commit, which is how rejected messages are delivered again.
 */
import type { Logger } from 'pino';
import { Consumer, MessagesStreamFallbackModes, MessagesStreamModes, stringDeserializers } from '@platformatic/kafka';
import type { ConsumeOptions, Subscription } from './bus-port.js';
import {
  closeQuietly,
  commitBatch,
  isDeliverable,
  toBusMessage,
  type Delivered,
  type StringConsumer,
  type StringMessage,
  type StringStream,
} from './kafka-batch.js';
import { RetryBackoff, sleep, type BackoffOptions } from './retry-backoff.js';

export interface KafkaConsumerSettings {
  brokers: string[];
  clientId: string;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  rebalanceTimeoutMs: number;
  /** How long an idle fetch waits on the broker; bounds delivery latency after a quiet spell. */
  maxWaitTimeMs: number;
  maxBatch: number;
  backoff: BackoffOptions;
  logger: Logger;
}

class HandlerRejected extends Error {}

export class KafkaSubscription implements Subscription {
  readonly #abort = new AbortController();
  readonly #backoff: RetryBackoff;
  #loop: Promise<void> = Promise.resolve();
  #failure: Error | undefined;
  #notify: (() => void) | undefined;

  constructor(
    private readonly settings: KafkaConsumerSettings,
    private readonly groupId: string,
    private readonly topics: string[],
    private readonly options: ConsumeOptions,
    private readonly logicalTopic: (topic: string) => string,
  ) {
    this.#backoff = new RetryBackoff(settings.backoff);
  }

  /** Resolves when the first session holds its partitions' offsets, or has failed (retries go on). */
  start(): Promise<void> {
    return new Promise((ready) => {
      this.#loop = this.#run(ready);
    });
  }

  async close(): Promise<void> {
    this.#abort.abort();
    this.#wake();
    await this.#loop;
  }

  async #run(ready: () => void): Promise<void> {
    const { logger } = this.settings;
    while (!this.#abort.signal.aborted) {
      try {
        await this.#session(ready);
      } catch (error) {
        ready();
        if (this.#abort.signal.aborted) break;
        const delayMs = this.#backoff.next();
        if (error instanceof HandlerRejected) {
          logger.warn({ err: error.cause, groupId: this.groupId, delayMs }, 'bus handler failed; redelivering');
        } else {
          logger.warn({ err: error, groupId: this.groupId, delayMs }, 'kafka consumer lost; reconnecting');
        }
        await sleep(delayMs, this.#abort.signal);
      }
    }
    ready();
  }

  async #session(ready: () => void): Promise<void> {
    const s = this.settings;
    this.#failure = undefined;
    const consumer = new Consumer({
      clientId: s.clientId,
      bootstrapBrokers: s.brokers,
      groupId: this.groupId,
      deserializers: stringDeserializers,
      autocommit: false,
      sessionTimeout: s.sessionTimeoutMs,
      heartbeatInterval: s.heartbeatIntervalMs,
      rebalanceTimeout: s.rebalanceTimeoutMs,
      maxWaitTime: s.maxWaitTimeMs,
      // Few, quick retries inside the client: the session loop owns the longer backoff.
      retries: 2,
      retryDelay: 250,
      connectTimeout: 3_000,
    });
    // Emitted when a rejoin fails; without a listener an EventEmitter 'error' would crash the process.
    consumer.on('error', (error: Error) => this.#fail(error));
    consumer.on('consumer:heartbeat:stalled', () => this.#fail(new Error('consumer heartbeat stalled')));
    try {
      const stream = await this.#unlessClosed(consumer.consume({
        topics: this.topics,
        mode: MessagesStreamModes.COMMITTED,
        fallbackMode: this.options.fromBeginning === false ? MessagesStreamFallbackModes.LATEST : MessagesStreamFallbackModes.EARLIEST,
        autocommit: false,
      }));
      let positioned = false;
      stream.once('offsets', () => (positioned = true));
      stream.on('error', (error: Error) => this.#fail(error));
      const wake = () => this.#wake();
      stream.on('readable', wake).on('end', wake).on('close', wake).on('offsets', wake);
      await this.#waitFor(() => positioned, stream, 'its offsets were known');
      ready();
      const delivered: Delivered = new Map();
      for (;;) {
        const batch = await this.#readBatch(stream, consumer, delivered);
        if (!batch) return;
        try {
          await this.options.handler(batch.map((m) => toBusMessage(m, this.logicalTopic)));
        } catch (error) {
          throw new HandlerRejected('handler rejected', { cause: error });
        }
        await commitBatch(batch, delivered);
        this.#backoff.reset();
      }
    } finally {
      await closeQuietly(consumer);
    }
  }

  /** The next batch of deliverable messages; undefined once the subscription is closing. */
  async #readBatch(stream: StringStream, consumer: StringConsumer, delivered: Delivered): Promise<StringMessage[] | undefined> {
    for (;;) {
      if (this.#failure) throw this.#failure;
      if (this.#abort.signal.aborted) return undefined;
      const batch: StringMessage[] = [];
      let message: StringMessage | null;
      while (batch.length < this.settings.maxBatch && (message = stream.read() as StringMessage | null) !== null) {
        if (isDeliverable(message, consumer, delivered)) batch.push(message);
      }
      if (batch.length > 0) return batch;
      if (stream.destroyed || stream.readableEnded) throw new Error('kafka message stream ended');
      await new Promise<void>((resolve) => (this.#notify = resolve));
    }
  }

  /** Waits for the stream's first offsets (or a failure/abort) so consume() returns a positioned member. */
  async #waitFor(done: () => boolean, stream: StringStream, what: string): Promise<void> {
    while (!done()) {
      if (this.#failure) throw this.#failure;
      if (this.#abort.signal.aborted) return;
      if (stream.destroyed) throw new Error(`kafka stream closed before ${what}`);
      await new Promise<void>((resolve) => (this.#notify = resolve));
    }
  }

  /** Rejects as soon as close() is called, so a join stuck in client retries never delays it. */
  #unlessClosed<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => undefined);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new Error('subscription closed'));
      if (this.#abort.signal.aborted) return onAbort();
      this.#abort.signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => this.#abort.signal.removeEventListener('abort', onAbort));
    });
  }

  #fail(error: Error): void {
    this.#failure ??= error;
    this.#wake();
  }

  #wake(): void {
    const notify = this.#notify;
    this.#notify = undefined;
    notify?.();
  }
}
