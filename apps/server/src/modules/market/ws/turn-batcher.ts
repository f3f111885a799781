/**
 * Coalesces a socket's writes within one event-loop turn into one syscall. A profile of the
 * tick-latency bench showed the api process spending most of its CPU in `writev`, one call
 * per frame per socket (100,000/s for 1,000 clients at 1,000 ticks/s). Corking a socket on
 * its first write of the turn and uncorking it in the next check phase sends everything it
 * got in between (several ticks when the process is busy, one when it is idle) in one
 * write, in order. Frames stay separate WS messages: the protocol does not change.
 *
 * The uncork runs in a `setImmediate`, so writes made from other immediates already queued
 * (the in-memory cache delivers each publish in its own) share it; the added delay is one
 * non-blocking poll phase.
 */
import type { Writable } from 'node:stream';

export class TurnBatcher {
  readonly #corked = new Set<Writable>();
  #scheduled = false;

  /** Call before writing to `stream`; its writes are flushed together next turn. */
  hold(stream: Writable): void {
    if (this.#corked.has(stream) || stream.destroyed) return;
    stream.cork();
    this.#corked.add(stream);
    if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flush);
    }
  }

  readonly #flush = (): void => {
    this.#scheduled = false;
    const streams = [...this.#corked];
    this.#corked.clear();
    for (const stream of streams) stream.uncork();
  };
}
