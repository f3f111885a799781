import type { PriceChannel, PricesServerFrame } from '@cryptosim/contracts';
import { ReconnectingSocket, socketUrl, type SocketStatus, type WebSocketConstructor } from './reconnecting-socket';

export interface PriceStreamOptions {
  url?: () => string;
  WebSocketImpl?: WebSocketConstructor;
  initialDelayMs?: number;
  random?: () => number;
}

type FrameListener = (frame: PricesServerFrame) => void;
const pairKey = (symbol: string, channel: PriceChannel) => `${symbol}|${channel}`;

/**
 * The app's one /ws/prices connection. Components subscribe to (symbol, channel) pairs;
 * pairs are reference-counted so two tables showing BTCUSDT share one server subscription,
 * and the whole set is sent again after every reconnect.
 */
export class PriceStream {
  readonly #counts = new Map<string, { symbol: string; channel: PriceChannel; count: number }>();
  readonly #frameListeners = new Set<FrameListener>();
  readonly #statusListeners = new Set<() => void>();
  readonly #socket: ReconnectingSocket;

  /** The socket class the app was given (tests: a fake), shared with the user channels. */
  readonly webSocketImpl: WebSocketConstructor | undefined;

  constructor(options: PriceStreamOptions = {}) {
    this.webSocketImpl = options.WebSocketImpl;
    this.#socket = new ReconnectingSocket({
      url: options.url ?? (() => socketUrl('/ws/prices')),
      WebSocketImpl: options.WebSocketImpl,
      initialDelayMs: options.initialDelayMs,
      random: options.random,
      onOpen: (send) => {
        for (const frame of this.#subscribeFrames([...this.#counts.values()])) send(frame);
      },
      onMessage: (frame) => {
        for (const listener of this.#frameListeners) listener(frame as PricesServerFrame);
      },
      onStatus: () => {
        for (const listener of this.#statusListeners) listener();
      },
    });
  }

  get status(): SocketStatus {
    return this.#socket.status;
  }

  /** Returns the matching unsubscribe; the socket opens on the first subscription. */
  subscribe(symbols: readonly string[], channels: readonly PriceChannel[]): () => void {
    const added: Array<{ symbol: string; channel: PriceChannel }> = [];
    for (const symbol of new Set(symbols)) {
      for (const channel of channels) {
        const key = pairKey(symbol, channel);
        const entry = this.#counts.get(key);
        if (entry) entry.count += 1;
        else {
          this.#counts.set(key, { symbol, channel, count: 1 });
          added.push({ symbol, channel });
        }
      }
    }
    this.#socket.start();
    for (const frame of this.#subscribeFrames(added)) this.#socket.send(frame);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.#release(symbols, channels);
    };
  }

  onFrame(listener: FrameListener): () => void {
    this.#frameListeners.add(listener);
    return () => this.#frameListeners.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  close(): void {
    this.#socket.stop();
  }

  #release(symbols: readonly string[], channels: readonly PriceChannel[]): void {
    const removed: Array<{ symbol: string; channel: PriceChannel }> = [];
    for (const symbol of new Set(symbols)) {
      for (const channel of channels) {
        const key = pairKey(symbol, channel);
        const entry = this.#counts.get(key);
        if (!entry) continue;
        entry.count -= 1;
        if (entry.count === 0) {
          this.#counts.delete(key);
          removed.push({ symbol, channel });
        }
      }
    }
    for (const [channel, list] of groupByChannel(removed)) {
      this.#socket.send({ op: 'unsubscribe', symbols: list, channels: [channel] });
    }
  }

  #subscribeFrames(pairs: ReadonlyArray<{ symbol: string; channel: PriceChannel }>) {
    return [...groupByChannel(pairs)].map(([channel, symbols]) => ({ op: 'subscribe', symbols, channels: [channel] }));
  }
}

function groupByChannel(pairs: ReadonlyArray<{ symbol: string; channel: PriceChannel }>): Map<PriceChannel, string[]> {
  const groups = new Map<PriceChannel, string[]>();
  for (const { symbol, channel } of pairs) groups.set(channel, [...(groups.get(channel) ?? []), symbol]);
  return groups;
}
