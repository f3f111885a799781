import type { Logger } from 'pino';
import type { PortHealth } from '../../../ports/port-health.js';
import type { MarketListener, MarketSource, MarketSourceImpl, MarketSourceStatus, RecentCandles, SourceCheckpoint, SourceKline } from '../../../ports/market/market-source.js';
import type { MarketSymbols } from '../symbols/symbol-registry.js';
import type { BinanceSource } from './binance/binance-source.js';

export interface AutoSourceOptions {
  binance: BinanceSource;
  /** Built only if Binance does not answer. */
  fallback: () => MarketSource;
  /** How long exchangeInfo may take before we go offline (5 s). */
  probeTimeoutMs: number;
  logger: Logger;
}

/**
 * MARKET_SOURCE=auto: Binance when its exchangeInfo answers within the probe timeout, else
 * the simulator. The probe runs on first use (start or backfill), never at construction, so
 * a process that only serves HTTP makes no outside call. Until then it reports the fallback.
 * Once a database has its market world, `adopt()` settles on that world's source with no
 * probe: a live world stays live while Binance is down, a simulated one stays simulated.
 */
export class AutoSource implements MarketSource {
  #chosen: Promise<MarketSource> | undefined;
  #resolved: MarketSource | undefined;

  constructor(private readonly options: AutoSourceOptions) {}

  get impl(): MarketSourceImpl {
    return this.#resolved?.impl ?? 'simulator';
  }

  get symbols(): MarketSymbols {
    return (this.#resolved?.symbols as MarketSymbols | undefined) ?? this.options.binance.symbols;
  }

  /** Asks Binance once (exchangeInfo within the probe timeout): the first start's decision. */
  async probe(): Promise<'live' | 'simulated'> {
    return (await this.choose()).impl === 'binance' ? 'live' : 'simulated';
  }

  /** Settles on a world decided earlier, without probing; a no-op when already settled on it. */
  adopt(kind: 'live' | 'simulated'): void {
    const wanted = kind === 'live' ? 'binance' : 'simulator';
    if (this.#resolved?.impl === wanted) return;
    if (this.#resolved) void this.#resolved.close();
    const source: MarketSource = kind === 'live' ? this.options.binance : this.options.fallback();
    if (kind === 'live') {
      // Live filters when Binance answers; the snapshot's meanwhile. The stream reconnects on its own.
      this.options.binance.loadSymbols(this.options.probeTimeoutMs).catch((error: unknown) =>
        this.options.logger.warn(`Binance not reachable (${error instanceof Error ? error.message : String(error)}); this database's world is live, so prices stay stale until it answers`),
      );
    } else void this.options.binance.close();
    this.#resolved = source;
    this.#chosen = Promise.resolve(source);
  }

  checkpoint(): SourceCheckpoint | undefined {
    return this.#resolved?.checkpoint?.();
  }

  async resume(checkpoint: SourceCheckpoint, recent: RecentCandles): Promise<void> {
    await (await this.choose()).resume?.(checkpoint, recent);
  }

  /** Decides once; later calls get the same source. */
  choose(): Promise<MarketSource> {
    this.#chosen ??= this.options.binance.loadSymbols(this.options.probeTimeoutMs).then(
      () => {
        this.options.logger.info('Binance answered; using live market data');
        return this.options.binance;
      },
      (error: unknown) => {
        this.options.logger.warn(`Binance not reachable (${error instanceof Error ? error.message : String(error)}); using the simulator`);
        void this.options.binance.close();
        return this.options.fallback();
      },
    ).then((source) => (this.#resolved = source));
    return this.#chosen;
  }

  async start(listener: MarketListener): Promise<void> {
    await (await this.choose()).start(listener);
  }

  status(): MarketSourceStatus {
    return this.#resolved?.status() ?? { connected: false, lastEventAt: null };
  }

  async backfill(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]> {
    return (await this.choose()).backfill(symbol, startMs, endMs);
  }

  async coarseHistory(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]> {
    return (await (await this.choose()).coarseHistory?.(symbol, startMs, endMs)) ?? [];
  }

  async health(): Promise<PortHealth> {
    return this.#resolved ? this.#resolved.health() : { impl: this.impl, ok: true };
  }

  async close(): Promise<void> {
    const chosen = this.#chosen;
    this.#chosen = Promise.reject(new Error('market source closed'));
    this.#chosen.catch(() => undefined);
    await this.options.binance.close();
    if (chosen) await (await chosen).close();
  }
}
