/**
 * One cache subscription per symbol per process, shared by every socket that wants the
 * symbol: 10,000 sockets watching BTCUSDT cost one `prices.BTCUSDT` subscription, and each
 * frame is the projector's string, forwarded without parsing or re-serialising, framed once.
 */
import type { Logger } from 'pino';
import type { PriceChannel } from '@cryptosim/contracts';
import type { CachePort, Unsubscribe } from '../../../ports/cache/cache-port.js';
import { frameChannel, priceChannel } from '../projector/cache-layout.js';
import { textFrame } from './text-frame.js';

export interface PriceListener {
  /** `frame` is a whole WebSocket text frame of the JSON (text-frame.ts), built once for every socket that gets it. */
  deliver(symbol: string, channel: PriceChannel, frame: Buffer): void;
}

interface Topic {
  listeners: Set<PriceListener>;
  subscribed: Promise<Unsubscribe>;
}

export class PriceHub {
  readonly #topics = new Map<string, Topic>();

  constructor(
    private readonly cache: CachePort,
    private readonly logger: Logger,
  ) {}

  /** Resolves once frames published on the symbol's channel reach `listener`. */
  async add(symbol: string, listener: PriceListener): Promise<void> {
    let topic = this.#topics.get(symbol);
    if (!topic) {
      const listeners = new Set<PriceListener>();
      const subscribed = this.cache.subscribe(priceChannel(symbol), (frame) => this.#dispatch(symbol, listeners, frame));
      topic = { listeners, subscribed };
      this.#topics.set(symbol, topic);
      subscribed.catch(() => {
        if (this.#topics.get(symbol) === topic) this.#topics.delete(symbol);
      });
    }
    topic.listeners.add(listener);
    await topic.subscribed;
  }

  remove(symbol: string, listener: PriceListener): void {
    const topic = this.#topics.get(symbol);
    if (!topic || !topic.listeners.delete(listener) || topic.listeners.size > 0) return;
    this.#topics.delete(symbol);
    topic.subscribed
      .then((unsubscribe) => unsubscribe())
      .catch((err: unknown) => this.logger.debug({ err, symbol }, 'price unsubscribe failed'));
  }

  /** Symbols with a live cache subscription in this process. */
  symbols(): string[] {
    return [...this.#topics.keys()];
  }

  #dispatch(symbol: string, listeners: Set<PriceListener>, frame: string): void {
    const channel = frameChannel(frame);
    if (!channel) {
      this.logger.warn({ symbol, frame: frame.slice(0, 80) }, 'unknown frame on price channel');
      return;
    }
    const wire = textFrame(Buffer.from(frame));
    for (const listener of listeners) listener.deliver(symbol, channel, wire);
  }
}
