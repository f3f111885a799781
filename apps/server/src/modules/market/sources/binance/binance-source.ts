import type { Logger } from 'pino';
import type { PortHealth } from '../../../../ports/port-health.js';
import type { MarketListener, MarketSource, MarketSourceStatus, SourceKline } from '../../../../ports/market/market-source.js';
import { backoffDelay, retryWithBackoff } from '../../../../kernel/retry-with-backoff.js';
import type { MarketSymbols } from '../../symbols/symbol-registry.js';
import { BinanceConnection } from './binance-connection.js';
import { BinanceRest } from './binance-rest.js';
import { KlineGapFiller } from './kline-gap-filler.js';
import { parseStreamMessage } from './parse-stream-message.js';

const MINUTE = 60_000;

export interface BinanceSourceOptions {
  symbols: MarketSymbols;
  wsUrl: string;
  restUrl: string;
  logger: Logger;
  pingIntervalMs?: number;
  idleTimeoutMs?: number;
  /** Binance ends every connection at 24 h; we replace ours before that. */
  rotateAfterMs?: number;
  reconnectBaseMs?: number;
  reconnectMaxMs?: number;
}

/** Live Binance spot data: one combined stream of every symbol's kline_1m and 24 h ticker. */
export class BinanceSource implements MarketSource {
  readonly impl = 'binance' as const;
  readonly symbols: MarketSymbols;
  readonly rest: BinanceRest;
  #listener: MarketListener | undefined;
  #connection: BinanceConnection | undefined;
  #gaps: KlineGapFiller;
  #connected = false;
  #lastEventAt: number | null = null;
  #attempt = 0;
  #timers = new Set<NodeJS.Timeout>();
  #closed = new AbortController();
  #garbage = { count: 0, loggedAt: 0 };
  #opts: Required<Omit<BinanceSourceOptions, 'symbols' | 'logger'>>;

  constructor(private readonly options: BinanceSourceOptions) {
    this.symbols = options.symbols;
    this.rest = new BinanceRest(options.restUrl);
    this.#opts = {
      wsUrl: options.wsUrl,
      restUrl: options.restUrl,
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
      idleTimeoutMs: options.idleTimeoutMs ?? 70_000,
      rotateAfterMs: options.rotateAfterMs ?? 23 * 60 * MINUTE,
      reconnectBaseMs: options.reconnectBaseMs ?? 1_000,
      reconnectMaxMs: options.reconnectMaxMs ?? 60_000,
    };
    this.#gaps = new KlineGapFiller({
      fetchClosed: (symbol, start, end) =>
        retryWithBackoff(() => this.rest.klines(symbol, start, end), { attempts: 5, baseMs: 500, signal: this.#closed.signal }),
      emit: (k) => this.#listener?.onKline(k),
      onGapFilled: (symbol, start, end, count) =>
        options.logger.info({ symbol, from: start, to: end, candles: count }, 'backfilled the candles missed while disconnected'),
      onGapFailed: (symbol, start, end, error) =>
        options.logger.error({ symbol, from: start, to: end, err: error }, 'could not backfill missed candles; the gap stays'),
    });
  }

  /** Replaces the snapshot filters with Binance's live ones. */
  async loadSymbols(timeoutMs?: number): Promise<void> {
    this.symbols.update(await this.rest.exchangeInfo(this.symbols.configured, timeoutMs));
  }

  get #streamUrl(): string {
    const streams = this.symbols.configured.flatMap((s) => [`${s.toLowerCase()}@kline_1m`, `${s.toLowerCase()}@ticker`]);
    return `${this.#opts.wsUrl.replace(/\/$/, '')}/stream?streams=${streams.join('/')}`;
  }

  async start(listener: MarketListener): Promise<void> {
    this.#listener = listener;
    await this.#connect();
  }

  #newConnection(): BinanceConnection {
    const connection: BinanceConnection = new BinanceConnection({
      url: this.#streamUrl,
      pingIntervalMs: this.#opts.pingIntervalMs,
      idleTimeoutMs: this.#opts.idleTimeoutMs,
      // Frames sent with the handshake are handled before open() resolves and the socket is
      // adopted; the gap check must be armed by then, or their first kline hides the gap.
      onOpen: () => this.#gaps.reconnected(),
      onMessage: (raw) => this.#onMessage(raw),
      onClose: (reason) => {
        if (connection !== this.#connection) return;
        this.#connected = false;
        this.options.logger.warn(`Binance stream lost (${reason}); reconnecting`);
        this.#scheduleReconnect();
      },
    });
    return connection;
  }

  async #connect(): Promise<void> {
    if (this.#closed.signal.aborted) return;
    const connection = this.#newConnection();
    try {
      await connection.open();
    } catch (error) {
      connection.close();
      this.options.logger.warn(`cannot open the Binance stream: ${error instanceof Error ? error.message : String(error)}`);
      this.#scheduleReconnect();
      return;
    }
    this.#adopt(connection);
  }

  /** Makes `connection` the live one and closes the one it replaces. */
  #adopt(connection: BinanceConnection): void {
    if (this.#closed.signal.aborted) return connection.close();
    const old = this.#connection;
    this.#connection = connection;
    old?.close();
    this.#connected = true;
    this.#attempt = 0;
    this.options.logger.info({ symbols: this.symbols.configured.length }, 'Binance stream open');
    this.#after(this.#opts.rotateAfterMs, () => void this.#rotate(connection));
  }

  /** Opens the next socket before closing the old one, so no minute goes unseen. */
  async #rotate(current: BinanceConnection): Promise<void> {
    if (current !== this.#connection || this.#closed.signal.aborted) return;
    const next = this.#newConnection();
    try {
      await next.open();
      this.options.logger.info('rotating the Binance stream before its 24 h limit');
      this.#adopt(next);
    } catch (error) {
      next.close();
      this.options.logger.warn(`stream rotation failed (${error instanceof Error ? error.message : String(error)}); retrying in a minute`);
      this.#after(MINUTE, () => void this.#rotate(current));
    }
  }

  #scheduleReconnect(): void {
    this.#attempt += 1;
    this.#after(backoffDelay(this.#attempt, this.#opts.reconnectBaseMs, this.#opts.reconnectMaxMs), () => void this.#connect());
  }

  #after(ms: number, fn: () => void): void {
    if (this.#closed.signal.aborted) return;
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      fn();
    }, ms);
    this.#timers.add(timer);
  }

  #onMessage(raw: string): void {
    let event;
    try {
      event = parseStreamMessage(raw);
    } catch (error) {
      this.#logGarbage(raw, error);
      return;
    }
    this.#lastEventAt = Date.now();
    if (event.kind === 'tick') this.#listener?.onTick(event.tick);
    else this.#gaps.push(event.kline);
  }

  /** At most one line per 10 s, with a count, so a garbage flood cannot flood the log. */
  #logGarbage(raw: string, error: unknown): void {
    this.#garbage.count += 1;
    const now = Date.now();
    if (now - this.#garbage.loggedAt < 10_000) return;
    this.options.logger.warn(
      { skipped: this.#garbage.count, sample: raw.slice(0, 200) },
      `skipped a Binance frame: ${error instanceof Error ? error.message : String(error)}`,
    );
    this.#garbage = { count: 0, loggedAt: now };
  }

  status(): MarketSourceStatus {
    return { connected: this.#connected, lastEventAt: this.#lastEventAt };
  }

  async backfill(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]> {
    const now = Date.now();
    const candles = await this.rest.klines(symbol, startMs, endMs);
    return candles.filter((k) => k.openTime + MINUTE <= now);
  }

  async health(): Promise<PortHealth> {
    if (this.#closed.signal.aborted) return { impl: this.impl, ok: false, error: 'closed' };
    if (this.#listener && !this.#connected) return { impl: this.impl, ok: false, error: 'Binance stream disconnected; reconnecting' };
    return { impl: this.impl, ok: true };
  }

  async close(): Promise<void> {
    this.#closed.abort(new Error('market source closed'));
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#connected = false;
    this.#connection?.close();
  }
}
