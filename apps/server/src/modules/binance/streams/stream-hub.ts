/**
 * One cache subscription per symbol per process (the market's `prices.<SYMBOL>` channel, the
 * projector's ticker and 1m kline frames), re-shaped once per stream name into Binance's
 * payload and handed as the same string to every socket that listens to that stream.
 */
import type { KlineData, PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import type { Logger } from 'pino';
import type { CachePort, Unsubscribe } from '../../../ports/cache/cache-port.js';
import { INTERVAL_MS, priceChannel } from '../../market/index.js';
import type { EngineMarket } from '../market-data/engine-book.js';
import { IntervalKline, type ClosedMinutes } from './interval-kline.js';
import type { StreamName } from './stream-names.js';
import { bookTickerPayload, klinePayload, miniTickerPayload, tickerPayload } from './stream-payloads.js';

export type StreamListener = (stream: StreamName, payload: string) => void;

interface Topic {
  stream: StreamName;
  listeners: Set<StreamListener>;
  kline?: IntervalKline;
  /** Kline updates of a longer interval are built in order, one after the other. */
  chain: Promise<void>;
}

interface SymbolFeed {
  topics: Map<string, Topic>;
  subscribed: Promise<Unsubscribe>;
}

export interface StreamHubDeps {
  cache: CachePort;
  symbol(symbol: string): SymbolInfo | undefined;
  slippage: { k: Dec; cap: Dec };
  closedMinutes: ClosedMinutes;
  logger: Logger;
}

type Frame = { type: 'ticker'; data: PriceRow } | { type: 'kline'; data: KlineData };

export class StreamHub {
  readonly #feeds = new Map<string, SymbolFeed>();

  constructor(private readonly deps: StreamHubDeps) {}

  /** Resolves once updates of the stream reach `listener`. */
  async add(stream: StreamName, listener: StreamListener): Promise<void> {
    let feed = this.#feeds.get(stream.symbol);
    if (!feed) {
      const topics = new Map<string, Topic>();
      const subscribed = this.deps.cache.subscribe(priceChannel(stream.symbol), (message) => this.#dispatch(topics, message));
      feed = { topics, subscribed };
      this.#feeds.set(stream.symbol, feed);
      const mine = feed;
      subscribed.catch(() => {
        if (this.#feeds.get(stream.symbol) === mine) this.#feeds.delete(stream.symbol);
      });
    }
    let topic = feed.topics.get(stream.name);
    if (!topic) {
      topic = { stream, listeners: new Set(), chain: Promise.resolve() };
      if (stream.kind === 'kline' && stream.interval && stream.interval !== '1m') {
        topic.kline = new IntervalKline(stream.symbol, stream.interval, INTERVAL_MS[stream.interval], this.deps.closedMinutes);
      }
      feed.topics.set(stream.name, topic);
    }
    topic.listeners.add(listener);
    await feed.subscribed;
  }

  remove(stream: StreamName, listener: StreamListener): void {
    const feed = this.#feeds.get(stream.symbol);
    const topic = feed?.topics.get(stream.name);
    if (!feed || !topic || !topic.listeners.delete(listener) || topic.listeners.size > 0) return;
    feed.topics.delete(stream.name);
    if (feed.topics.size > 0) return;
    this.#feeds.delete(stream.symbol);
    feed.subscribed
      .then((unsubscribe) => unsubscribe())
      .catch((err: unknown) => this.deps.logger.debug({ err, symbol: stream.symbol }, 'stream unsubscribe failed'));
  }

  #market(row: PriceRow): EngineMarket | undefined {
    const info = this.deps.symbol(row.symbol);
    if (!info) return undefined;
    return { price: new Dec(row.price), volume24h: new Dec(row.volume24h), tickSize: new Dec(info.tickSize), stepSize: new Dec(info.stepSize), slippage: this.deps.slippage };
  }

  #dispatch(topics: Map<string, Topic>, message: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(message) as Frame;
    } catch {
      return;
    }
    const now = Date.now();
    for (const topic of topics.values()) {
      const { stream } = topic;
      if (frame.type === 'ticker' && stream.kind !== 'kline') {
        const row = frame.data;
        const market = this.#market(row);
        if (!market) continue;
        const payload = stream.kind === 'ticker' ? tickerPayload(row, market, now) : stream.kind === 'miniTicker' ? miniTickerPayload(row, now) : bookTickerPayload(row, market);
        this.#deliver(topic, JSON.stringify(payload));
      } else if (frame.type === 'kline' && stream.kind === 'kline' && stream.interval) {
        const minute = frame.data;
        const interval = stream.interval;
        if (!topic.kline) {
          this.#deliver(topic, JSON.stringify(klinePayload(stream.symbol, interval, INTERVAL_MS[interval], minute, minute.closed, now)));
          continue;
        }
        const kline = topic.kline;
        topic.chain = topic.chain
          .then(async () => {
            const { candle, closed } = await kline.update(minute);
            this.#deliver(topic, JSON.stringify(klinePayload(stream.symbol, interval, INTERVAL_MS[interval], candle, closed, now)));
          })
          .catch((err: unknown) => this.deps.logger.warn({ err, stream: stream.name }, 'kline stream update failed'));
      }
    }
  }

  #deliver(topic: Topic, payload: string): void {
    for (const listener of topic.listeners) listener(topic.stream, payload);
  }
}
