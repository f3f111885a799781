/**
 * One `/ws/prices` socket: its subscriptions, the snapshot each new one starts with, and the
 * updates the hub hands it. Client frames are handled one at a time, in order, so a
 * subscribe followed at once by an unsubscribe ends unsubscribed.
 */
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import {
  type ErrorCode,
  MAX_SYMBOLS_PER_SOCKET,
  PriceChannels,
  type PriceChannel,
  type PricesServerFrame,
  type PricesSubscribe,
  type PricesUnsubscribe,
  type SubscriptionFrame,
} from '@cryptosim/contracts';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import type { SymbolRegistry } from '../../../ports/market/market-source.js';
import { parseClientFrame } from './client-frames.js';
import { keyOf, Outbox } from './outbox.js';
import type { PriceHub, PriceListener } from './price-hub.js';
import { readSnapshot } from './read-snapshot.js';
import { newTurnMark, type TurnBatcher } from './turn-batcher.js';

export interface PriceSessionDeps {
  hub: PriceHub;
  cache: CachePort;
  symbols: SymbolRegistry;
  logger: Logger;
  /** Batches this socket's writes per event-loop turn. */
  batcher: TurnBatcher;
}

export class PriceSession implements PriceListener {
  readonly #subs = new Map<string, Set<PriceChannel>>();
  readonly #outbox: Outbox;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(
    private readonly socket: WebSocket,
    private readonly deps: PriceSessionDeps,
    /** The TCP socket under `socket`, corked and uncorked around a turn's writes. */
    stream: Duplex,
  ) {
    const mark = newTurnMark();
    this.#outbox = new Outbox(socket, stream, () => deps.batcher.hold(stream, mark));
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? undefined : data.toString();
      this.#queue = this.#queue.then(() => this.#handle(text)).catch((err: unknown) => {
        deps.logger.error({ err }, '/ws/prices frame failed');
        this.#error('INTERNAL_ERROR', 'the frame could not be handled; try again');
      });
    });
    socket.on('close', () => this.#close());
    socket.on('error', () => this.#close());
  }

  deliver(symbol: string, channel: PriceChannel, frame: Buffer): void {
    if (this.#subs.get(symbol)?.has(channel)) this.#outbox.update(symbol, channel, frame);
  }

  async #handle(text: string | undefined): Promise<void> {
    if (this.#closed) return;
    if (text === undefined) return this.#error('VALIDATION_FAILED', 'frames must be JSON text');
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return this.#error('VALIDATION_FAILED', parsed.message);
    const { frame } = parsed;
    if (frame.op === 'ping') return this.#send({ type: 'pong', time: Date.now() });
    const unknown = frame.symbols.filter((s) => !this.deps.symbols.get(s));
    if (unknown.length > 0) return this.#error('UNKNOWN_SYMBOL', `unknown symbol(s): ${unknown.join(', ')}`);
    if (frame.op === 'subscribe') await this.#subscribe(frame);
    else this.#unsubscribe(frame);
  }

  async #subscribe(frame: PricesSubscribe): Promise<void> {
    const channels = frame.channels ?? [...PriceChannels];
    const symbols = [...new Set(frame.symbols)];
    const total = new Set([...this.#subs.keys(), ...symbols]).size;
    if (total > MAX_SYMBOLS_PER_SOCKET) {
      return this.#error('VALIDATION_FAILED', `at most ${MAX_SYMBOLS_PER_SOCKET} symbols per socket (this would make ${total})`);
    }
    const added: Array<{ symbol: string; channels: PriceChannel[] }> = [];
    for (const symbol of symbols) {
      const current = this.#subs.get(symbol) ?? new Set<PriceChannel>();
      const fresh = channels.filter((c) => !current.has(c));
      if (fresh.length === 0) continue;
      // Held until the snapshot is out, so no update overtakes the state it follows.
      this.#outbox.hold(fresh.map((c) => keyOf(symbol, c)));
      for (const c of fresh) current.add(c);
      this.#subs.set(symbol, current);
      added.push({ symbol, channels: fresh });
    }
    try {
      await Promise.all(added.map(({ symbol }) => this.deps.hub.add(symbol, this)));
    } catch (err) {
      this.deps.logger.warn({ err }, 'price subscription failed');
      this.#unsubscribe({ op: 'unsubscribe', symbols: added.map((a) => a.symbol), channels }, false);
      return this.#error('SERVICE_UNAVAILABLE', 'prices are unavailable right now; subscribe again shortly');
    }
    for (const { symbol, channels: fresh } of added) {
      if (this.#closed) return;
      const snapshot = await readSnapshot(this.deps.cache, symbol, this.#subs.get(symbol)!);
      this.#send({ type: 'snapshot', data: snapshot });
      this.#outbox.release(fresh.map((c) => keyOf(symbol, c)));
    }
    this.#ack('subscribed');
  }

  #unsubscribe(frame: PricesUnsubscribe, ack = true): void {
    const channels = frame.channels ?? [...PriceChannels];
    for (const symbol of frame.symbols) {
      const current = this.#subs.get(symbol);
      if (!current) continue;
      for (const c of channels) current.delete(c);
      this.#outbox.forget(channels.map((c) => keyOf(symbol, c)));
      if (current.size === 0) {
        this.#subs.delete(symbol);
        this.deps.hub.remove(symbol, this);
      }
    }
    if (ack) this.#ack('unsubscribed');
  }

  #ack(type: SubscriptionFrame['type']): void {
    const channels = new Set([...this.#subs.values()].flatMap((s) => [...s]));
    this.#send({ type, symbols: [...this.#subs.keys()], channels: PriceChannels.filter((c) => channels.has(c)) });
  }

  #error(code: ErrorCode, message: string): void {
    this.#send({ type: 'error', code, message });
  }

  /** The socket's own frames, sent at once; the hub's updates go through the outbox's latest-per-key. */
  #send(frame: PricesServerFrame): void {
    this.#outbox.sendNow(JSON.stringify(frame));
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#outbox.close();
    for (const symbol of this.#subs.keys()) this.deps.hub.remove(symbol, this);
    this.#subs.clear();
  }
}
