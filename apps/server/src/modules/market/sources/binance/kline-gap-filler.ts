import type { SourceKline } from '../../../../ports/market/market-source.js';

const MINUTE = 60_000;

interface SymbolState {
  lastClosed: number | undefined;
  /** Set on every (re)connect: the next live kline shows whether minutes were missed. */
  checkGap: boolean;
  /** Live klines held back, in order, while a backfill for the symbol runs. */
  held: SourceKline[] | undefined;
}

export interface GapFillerOptions {
  /** Closed candles with openTime in [startMs, endMs). */
  fetchClosed(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]>;
  emit(kline: SourceKline): void;
  onGapFilled(symbol: string, startMs: number, endMs: number, count: number): void;
  onGapFailed(symbol: string, startMs: number, endMs: number, error: unknown): void;
}

/**
 * Keeps each symbol's 1m candles complete and unique across reconnects: after a reconnect,
 * the first live kline's openTime bounds the missed minutes, which are fetched over REST and
 * emitted (closed) before the live stream resumes. Closed candles older than the last one
 * emitted are duplicates (overlapping sockets during rotation, REST vs stream) and dropped.
 */
export class KlineGapFiller {
  #symbols = new Map<string, SymbolState>();

  constructor(private readonly options: GapFillerOptions) {}

  #state(symbol: string): SymbolState {
    let s = this.#symbols.get(symbol);
    if (!s) {
      s = { lastClosed: undefined, checkGap: false, held: undefined };
      this.#symbols.set(symbol, s);
    }
    return s;
  }

  /** A new socket opened: check every symbol's next kline for a gap. */
  reconnected(): void {
    for (const s of this.#symbols.values()) s.checkGap = true;
  }

  push(kline: SourceKline): void {
    const s = this.#state(kline.symbol);
    if (s.held) {
      s.held.push(kline);
      return;
    }
    const { lastClosed } = s;
    if (s.checkGap && lastClosed !== undefined && kline.openTime > lastClosed + MINUTE) {
      s.checkGap = false;
      s.held = [kline];
      void this.#fill(kline.symbol, s, lastClosed + MINUTE, kline.openTime);
      return;
    }
    s.checkGap = false;
    this.#emit(s, kline);
  }

  async #fill(symbol: string, s: SymbolState, startMs: number, endMs: number): Promise<void> {
    try {
      const missed = await this.options.fetchClosed(symbol, startMs, endMs);
      for (const k of missed) this.#emit(s, { ...k, closed: true });
      this.options.onGapFilled(symbol, startMs, endMs, missed.length);
    } catch (error) {
      this.options.onGapFailed(symbol, startMs, endMs, error);
    }
    const held = s.held ?? [];
    s.held = undefined;
    for (const k of held) this.#emit(s, k);
  }

  #emit(s: SymbolState, kline: SourceKline): void {
    if (s.lastClosed !== undefined && kline.openTime <= s.lastClosed) return;
    if (kline.closed) s.lastClosed = kline.openTime;
    this.options.emit(kline);
  }
}
