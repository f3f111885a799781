/** Test support: a /ws/prices client that records every frame and waits for the ones a test needs. */
import { WebSocket } from 'ws';

// Frames are whatever the server sent; tests assert their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Frame = any;

export class TestClient {
  readonly frames: Frame[] = [];
  #waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(data.toString()));
      for (const wake of this.#waiters) wake();
    });
  }

  static connect(url: string): Promise<TestClient> {
    const ws = new WebSocket(url);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new TestClient(ws)));
      ws.once('error', reject);
    });
  }

  send(frame: object): void {
    this.ws.send(JSON.stringify(frame));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** The first recorded frame matching `match` (waiting for it), removed from the record. */
  async next(match: (frame: Frame) => boolean, timeoutMs = 5_000): Promise<Frame> {
    const [frame] = await this.#take(match, 1, timeoutMs);
    return frame;
  }

  /** The first `count` recorded frames matching `match`, in arrival order. */
  collect(match: (frame: Frame) => boolean, count: number, timeoutMs = 30_000): Promise<Frame[]> {
    return this.#take(match, count, timeoutMs);
  }

  pause(): void {
    this.ws.pause();
  }

  resume(): void {
    this.ws.resume();
  }

  close(): void {
    this.ws.close();
  }

  closed(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }

  async #take(match: (frame: Frame) => boolean, count: number, timeoutMs: number): Promise<Frame[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.filter(match);
      if (found.length >= count) {
        const taken = found.slice(0, count);
        for (const f of taken) this.frames.splice(this.frames.indexOf(f), 1);
        return taken;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`expected ${count} matching frame(s) within ${timeoutMs} ms, got ${found.length}; last frames: ${JSON.stringify(this.frames.slice(-3))}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, left);
        function done() {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        }
        const waiters = this.#waiters;
        waiters.add(done);
      });
    }
  }
}
