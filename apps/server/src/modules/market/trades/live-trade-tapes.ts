/**
 * Binance's tape from its trade stream (`<symbol>@trade`), per API process: the first request
 * for a symbol opens the symbol's stream and seeds the tape from REST (the last 100 prints);
 * from then on every print Binance sends is on the tape the moment it arrives. Until the
 * stream is up (and while it reconnects, when the tape is reseeded to close the gap) `recent`
 * answers undefined and the caller serves the REST tape instead. A symbol nobody has asked for
 * in `idleCloseMs` has its stream closed.
 */
import type { MarketTrade, TradesResponse } from '@cryptosim/contracts';
import type { Logger } from 'pino';
import { backoffDelay } from '../../../kernel/retry-with-backoff.js';
import { BinanceConnection } from '../sources/binance/binance-connection.js';
import { parseTradeEvent } from './parse-trade-event.js';

/** How many prints a tape keeps: the most GET /api/market/trades serves. */
export const TAPE_LENGTH = 100;

export interface LiveTradeTapesOptions {
  wsUrl: string;
  /** The REST tape, newest first: the seed, and the gap fill after a reconnect. */
  seed(symbol: string): Promise<MarketTrade[]>;
  logger: Pick<Logger, 'info' | 'warn'>;
  idleCloseMs?: number;
  pingIntervalMs?: number;
  idleTimeoutMs?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
  now?: () => number;
}

interface Tape {
  symbol: string;
  trades: MarketTrade[];
  live: boolean;
  updatedAt: number;
  askedAt: number;
  attempt: number;
  connection?: BinanceConnection;
  retry?: NodeJS.Timeout;
}

/** Newest first by id, no id twice, at most TAPE_LENGTH. */
export function mergeTape(current: readonly MarketTrade[], incoming: readonly MarketTrade[]): MarketTrade[] {
  const byId = new Map<number, MarketTrade>();
  for (const t of [...current, ...incoming]) byId.set(t.id, t);
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, TAPE_LENGTH);
}

export class LiveTradeTapes {
  readonly #tapes = new Map<string, Tape>();
  readonly #opts: Required<Omit<LiveTradeTapesOptions, 'seed' | 'logger' | 'now'>>;
  readonly #now: () => number;
  readonly #sweeper: NodeJS.Timeout;
  #closed = false;

  constructor(private readonly options: LiveTradeTapesOptions) {
    this.#now = options.now ?? Date.now;
    this.#opts = {
      wsUrl: options.wsUrl.replace(/\/$/, ''),
      idleCloseMs: options.idleCloseMs ?? 60_000,
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
      idleTimeoutMs: options.idleTimeoutMs ?? 70_000,
      reconnectBaseMs: options.reconnectBaseMs ?? 1_000,
      reconnectMaxMs: options.reconnectMaxMs ?? 30_000,
    };
    this.#sweeper = setInterval(() => this.#closeIdle(), Math.max(1_000, this.#opts.idleCloseMs / 2));
    this.#sweeper.unref();
  }

  /** The live tape, newest first, or undefined while the symbol's stream is not up (serve REST then). */
  recent(symbol: string, limit: number): TradesResponse | undefined {
    if (this.#closed) return undefined;
    let tape = this.#tapes.get(symbol);
    if (!tape) {
      tape = { symbol, trades: [], live: false, updatedAt: 0, askedAt: 0, attempt: 0 };
      this.#tapes.set(symbol, tape);
      void this.#connect(tape);
    }
    tape.askedAt = this.#now();
    if (!tape.live) return undefined;
    return { symbol, source: 'binance', trades: tape.trades.slice(0, limit), updatedAt: tape.updatedAt };
  }

  /** Whether the symbol's tape is fed by its stream now. */
  isLive(symbol: string): boolean {
    return this.#tapes.get(symbol)?.live ?? false;
  }

  close(): void {
    this.#closed = true;
    clearInterval(this.#sweeper);
    for (const tape of this.#tapes.values()) this.#drop(tape);
    this.#tapes.clear();
  }

  async #connect(tape: Tape): Promise<void> {
    // Prints that arrive while the seed is in flight are kept and merged with it.
    let early: MarketTrade[] = [];
    let seeded = false;
    const connection = new BinanceConnection({
      url: `${this.#opts.wsUrl}/stream?streams=${tape.symbol.toLowerCase()}@trade`,
      pingIntervalMs: this.#opts.pingIntervalMs,
      idleTimeoutMs: this.#opts.idleTimeoutMs,
      onOpen: () => undefined,
      onMessage: (raw) => {
        const trade = parseTradeEvent(raw, tape.symbol);
        if (!trade) return;
        if (!seeded) early.push(trade);
        else {
          tape.trades = mergeTape(tape.trades, [trade]);
          tape.updatedAt = this.#now();
        }
      },
      onClose: (reason) => {
        tape.live = false;
        this.options.logger.info({ symbol: tape.symbol, reason }, 'trade stream closed; the REST tape serves until it is back');
        this.#retry(tape);
      },
    });
    tape.connection = connection;
    try {
      await connection.open();
      const seed = await this.options.seed(tape.symbol);
      if (this.#closed || tape.connection !== connection) return connection.close();
      tape.trades = mergeTape(mergeTape(tape.trades, seed), early);
      early = [];
      seeded = true;
      tape.updatedAt = this.#now();
      tape.live = true;
      tape.attempt = 0;
    } catch (err) {
      connection.close();
      if (tape.connection !== connection) return;
      this.options.logger.warn({ symbol: tape.symbol, err: (err as Error).message }, 'trade stream could not start; the REST tape serves meanwhile');
      this.#retry(tape);
    }
  }

  #retry(tape: Tape): void {
    if (this.#closed || this.#tapes.get(tape.symbol) !== tape) return;
    tape.attempt += 1;
    clearTimeout(tape.retry);
    tape.retry = setTimeout(() => void this.#connect(tape), backoffDelay(tape.attempt, this.#opts.reconnectBaseMs, this.#opts.reconnectMaxMs));
    tape.retry.unref();
  }

  #closeIdle(): void {
    const cutoff = this.#now() - this.#opts.idleCloseMs;
    for (const tape of [...this.#tapes.values()]) {
      if (tape.askedAt < cutoff) {
        this.#drop(tape);
        this.#tapes.delete(tape.symbol);
      }
    }
  }

  #drop(tape: Tape): void {
    clearTimeout(tape.retry);
    const connection = tape.connection;
    tape.connection = undefined;
    tape.live = false;
    connection?.close();
  }
}
