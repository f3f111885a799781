/**
 * What one socket still has to send. Updates go straight out while the socket keeps up;
 * once its unsent bytes pass the high-water mark, only the latest update per
 * (symbol, channel) is kept and sent when it drains. So a slow or stalled client holds at
 * most one pending frame per key, never an unbounded queue, and everyone else is unaffected.
 */
import type { Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import type { PriceChannel } from '@cryptosim/contracts';
import { MAX_BUFFERED_BYTES } from '../../../kernel/websocket.js';

export const HIGH_WATER_BYTES = 64 * 1024;
// A socket more than MAX_BUFFERED_BYTES behind on frames that cannot be coalesced (replies) is cut off.
const FLUSH_EVERY_MS = 25;

export const keyOf = (symbol: string, channel: PriceChannel) => `${symbol}/${channel}`;

export class Outbox {
  readonly #pending = new Map<string, Buffer>();
  /** Keys held back until something (a snapshot) has gone out first. */
  readonly #held = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  /** Updates replaced by a newer one before they were sent (coalesced). */
  coalesced = 0;

  /**
   * Updates arrive as finished WebSocket frames shared by all sockets (text-frame.ts) and go
   * straight to `stream`, the TCP socket under `socket`; replies go through ws. Both write
   * synchronously to the same stream, so they leave in the order they were made.
   * `beforeWrite` runs before every frame goes to the socket (see TurnBatcher).
   */
  constructor(
    private readonly socket: WebSocket,
    private readonly stream: Writable,
    private readonly beforeWrite: () => void = () => {},
  ) {}

  /** Replies and snapshots: never dropped, but a socket that lets them pile up is closed. */
  sendNow(frame: string): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.socket.terminate();
      return;
    }
    this.beforeWrite();
    this.socket.send(frame);
  }

  /** An update that a newer one for the same (symbol, channel) may replace. */
  update(symbol: string, channel: PriceChannel, frame: Buffer): void {
    if (this.socket.readyState !== this.socket.OPEN) return;
    // Nothing pending or held is the common case, and this runs per frame per socket: no key built.
    if (this.#pending.size === 0 && this.#held.size === 0 && this.socket.bufferedAmount < HIGH_WATER_BYTES) return this.#write(frame);
    const key = keyOf(symbol, channel);
    if (!this.#pending.has(key) && !this.#held.has(key) && this.socket.bufferedAmount < HIGH_WATER_BYTES) return this.#write(frame);
    if (this.#pending.has(key)) this.coalesced += 1;
    this.#pending.set(key, frame);
    this.#schedule();
  }

  hold(keys: string[]): void {
    for (const key of keys) this.#held.add(key);
  }

  release(keys: string[]): void {
    for (const key of keys) this.#held.delete(key);
    this.#flush();
  }

  forget(keys: string[]): void {
    for (const key of keys) {
      this.#pending.delete(key);
      this.#held.delete(key);
    }
  }

  close(): void {
    clearTimeout(this.#timer);
    this.#pending.clear();
    this.#held.clear();
  }

  #schedule(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#flush();
    }, FLUSH_EVERY_MS);
  }

  #flush(): void {
    if (this.socket.readyState !== this.socket.OPEN) return this.close();
    if (this.socket.bufferedAmount >= HIGH_WATER_BYTES) return this.#schedule();
    for (const [key, frame] of this.#pending) {
      if (this.#held.has(key)) continue;
      this.#pending.delete(key);
      this.#write(frame);
    }
  }

  #write(frame: Buffer): void {
    this.beforeWrite();
    this.stream.write(frame);
  }
}
