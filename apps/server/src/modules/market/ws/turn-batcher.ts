/**
 * Coalesces a socket's writes within one event-loop turn, except the first. A profile of the
 * tick-latency bench showed the api process spending most of its CPU in the write system
 * call, one per frame per socket (100,000/s for 1,000 clients at 1,000 ticks/s). So when a
 * socket gets a second frame in the same turn, it is corked, and everything it gets until
 * the next check phase leaves in one write, in order. Frames stay separate WS messages: the
 * protocol does not change.
 *
 * The first frame of a turn is written at once rather than corked with the rest: one update
 * fanned out to 10,000 sockets then reaches the first clients while the loop is still
 * writing to the last, instead of all of them waiting for the loop to end (ws-fanout bench:
 * p99 at 10,000 clients went from 150–170 ms to under 50 ms).
 *
 * The flush runs in a `setImmediate`, so writes made from other immediates already queued
 * (the in-memory cache delivers each publish in its own) share it.
 */
import type { Writable } from 'node:stream';

/**
 * A stream's record of its last turn, kept by its owner: this runs per frame per socket, and
 * a field compare costs nothing where a Map keyed by the stream cost a hash lookup each time.
 */
export interface TurnMark {
  turn: number;
  corked: boolean;
}

export const newTurnMark = (): TurnMark => ({ turn: -1, corked: false });

export class TurnBatcher {
  /** Advanced by each flush, so a mark from an earlier turn is told apart at once. */
  #turn = 0;
  #corked: Writable[] = [];
  #scheduled = false;

  /** Call before writing to `stream` (its mark is `mark`): a second write in one turn waits for the flush. */
  hold(stream: Writable, mark: TurnMark): void {
    if (mark.turn !== this.#turn) {
      mark.turn = this.#turn;
      mark.corked = false;
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(this.#flush);
      }
      return;
    }
    if (mark.corked || stream.destroyed) return;
    stream.cork();
    mark.corked = true;
    this.#corked.push(stream);
  }

  readonly #flush = (): void => {
    this.#scheduled = false;
    this.#turn += 1;
    const streams = this.#corked;
    this.#corked = [];
    for (const stream of streams) stream.uncork();
  };
}
