import { MarketTopics, type KlineEventV1, type TickEventV1 } from '@cryptosim/contracts';
import type { Logger } from 'pino';
import { backoffDelay } from '../../../kernel/retry-with-backoff.js';
import type { BusPort } from '../../../ports/bus/bus-port.js';
import type { MarketListener, MarketSourceImpl, SourceKline, SourceTick } from '../../../ports/market/market-source.js';
import { MarketOutbox, type OutboxEntry } from './market-outbox.js';

export interface MarketPublisherOptions {
  bus: BusPort;
  /** The source's name, read per event (auto decides after start). */
  source: () => MarketSourceImpl;
  logger: Logger;
  /** Publishing waits for this (topics created with their partitions, not auto-created with one). */
  ready?: Promise<unknown>;
  /** Ticks and live candle updates held per topic while the bus is down (default 10,000). */
  maxBuffered?: number;
  batchSize?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
}

/**
 * Turns source events into versioned bus messages (key = symbol) and publishes them in order.
 * When the bus is down it buffers within bounds and retries with backoff; it never throws
 * into the source. `seq` starts at the start time in µs, so it only grows per symbol, across
 * restarts too, and a gap in it means events were dropped.
 */
export class MarketPublisher implements MarketListener {
  readonly ticks: MarketOutbox;
  readonly klines: MarketOutbox;
  #seq = new Map<string, number>();
  #seqBase = Date.now() * 1000;
  #flushing: Promise<void> | undefined;
  #failures = 0;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #published = 0;

  constructor(private readonly options: MarketPublisherOptions) {
    this.ticks = new MarketOutbox(options.maxBuffered ?? 10_000);
    this.klines = new MarketOutbox(options.maxBuffered ?? 10_000);
  }

  get published(): number {
    return this.#published;
  }

  /** Counted per topic and symbol, so each consumer sees consecutive numbers unless events were dropped. */
  #nextSeq(topic: string, symbol: string): number {
    const key = `${topic}/${symbol}`;
    const seq = this.#seq.get(key) ?? this.#seqBase;
    this.#seq.set(key, seq + 1);
    return seq;
  }

  onTick(t: SourceTick): void {
    const event: TickEventV1 = { v: 1, source: this.options.source(), ...t, seq: this.#nextSeq(MarketTopics.ticks, t.symbol) };
    this.ticks.push({ message: { key: t.symbol, value: JSON.stringify(event) }, droppable: true });
    this.#schedule();
  }

  onKline(k: SourceKline): void {
    const event: KlineEventV1 = { v: 1, source: this.options.source(), interval: '1m', ...k, seq: this.#nextSeq(MarketTopics.klines, k.symbol) };
    this.klines.push({ message: { key: k.symbol, value: JSON.stringify(event) }, droppable: !k.closed });
    this.#schedule();
  }

  #schedule(delayMs = 0): void {
    if (this.#closed || this.#flushing || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#flushing = this.flush().finally(() => {
        this.#flushing = undefined;
        if (this.ticks.size + this.klines.size > 0) this.#schedule(this.#failures > 0 ? backoffDelay(this.#failures, this.options.retryBaseMs ?? 200, this.options.retryMaxMs ?? 10_000) : 0);
      });
    }, delayMs);
  }

  /** Publishes what is pending, one batch per topic at a time; stops at the first failure. */
  async flush(): Promise<void> {
    await this.options.ready;
    const batchSize = this.options.batchSize ?? 500;
    for (const [topic, box] of [[MarketTopics.klines, this.klines], [MarketTopics.ticks, this.ticks]] as const) {
      while (box.size > 0) {
        const batch = box.take(batchSize);
        if (!(await this.#publish(topic, box, batch))) return;
      }
    }
  }

  async #publish(topic: string, box: MarketOutbox, batch: OutboxEntry[]): Promise<boolean> {
    try {
      await this.options.bus.publish(topic, batch.map((e) => e.message));
      this.#published += batch.length;
      if (this.#failures > 0) this.options.logger.info({ topic, dropped: this.ticks.dropped + this.klines.dropped }, 'market bus publishing again');
      this.#failures = 0;
      return true;
    } catch (error) {
      box.restore(batch);
      this.#failures += 1;
      if (this.#failures === 1 || this.#failures % 20 === 0) {
        this.options.logger.warn(
          { topic, attempt: this.#failures, buffered: this.ticks.size + this.klines.size, dropped: this.ticks.dropped + this.klines.dropped },
          `cannot publish market events (${error instanceof Error ? error.message : String(error)}); buffering and retrying`,
        );
      }
      return false;
    }
  }

  /** Stops retrying; one last flush attempt is the caller's (await flush()). */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.#flushing;
  }
}
