import type { PortHealth } from '../../../../ports/port-health.js';
import type { SymbolInfo } from '@cryptosim/contracts';
import type { MarketListener, MarketSource, MarketSourceStatus, RecentCandles, SourceCheckpoint, SourceKline } from '../../../../ports/market/market-source.js';
import type { MarketSymbols } from '../../symbols/symbol-registry.js';
import { SimulatedMarket } from './simulated-market.js';
import { profileFor, type SymbolProfile } from './symbol-profiles.js';

export interface SimulatorSourceOptions {
  symbols: MarketSymbols;
  seed: string;
  /** Overrides of the start prices, per symbol. */
  startPrices?: Record<string, number>;
  /** Interval between ticks of every symbol (default 250 ms: four a second). */
  tickMs?: number;
  /** Start of the simulation (default now); history ends here. */
  startMs?: number;
  /** The wall clock (tests drive it). */
  clock?: () => number;
}

/** Offline market: deterministic for its seed, with history that leads into the live prices. */
export class SimulatorSource implements MarketSource {
  readonly impl = 'simulator' as const;
  readonly symbols: MarketSymbols;
  #market: SimulatedMarket;
  readonly #tickMs: number;
  readonly #seed: string;
  readonly #infos: SymbolInfo[];
  readonly #profiles: SymbolProfile[];
  readonly #clock: () => number;
  #timer: NodeJS.Timeout | undefined;
  #lastEventAt: number | null = null;
  #closed = false;

  constructor(options: SimulatorSourceOptions) {
    this.symbols = options.symbols;
    const missing = this.symbols.missing();
    if (missing.length > 0) throw new Error(`the simulator knows no exchange filters for ${missing.join(', ')}`);
    const infos = this.symbols.list();
    const profiles = infos.map((i) => profileFor(i.symbol, options.startPrices ?? {}));
    const noPrice = infos.filter((_, n) => !profiles[n]).map((i) => i.symbol);
    if (noPrice.length > 0) throw new Error(`the simulator needs a start price for ${noPrice.join(', ')} (SIMULATOR_START_PRICES)`);
    this.#tickMs = options.tickMs ?? 250;
    this.#seed = options.seed;
    this.#clock = options.clock ?? Date.now;
    this.#infos = infos;
    this.#profiles = profiles.map((p) => p!);
    this.#market = new SimulatedMarket(infos, this.#profiles, options.seed, options.startMs ?? this.#clock());
  }

  /** Continues from where a previous run stopped: its last closes, its volatility, the last 24 h stored. */
  async resume(checkpoint: SourceCheckpoint, recent: RecentCandles): Promise<void> {
    if (checkpoint.kind !== 'simulated') throw new Error(`the simulator cannot continue a ${checkpoint.kind} checkpoint`);
    if (this.#timer) throw new Error('resume() must come before start()');
    const stored = new Map(await Promise.all(this.#infos.map(async (i) => [i.symbol, await recent(i.symbol, checkpoint.minute, 1440)] as const)));
    this.#market = new SimulatedMarket(this.#infos, this.#profiles, this.#seed, this.#clock(), { checkpoint, recent: stored });
  }

  checkpoint(): SourceCheckpoint | undefined {
    return this.#market.checkpoint();
  }

  async start(listener: MarketListener): Promise<void> {
    if (this.#closed || this.#timer) return;
    // The stopped time first, as a live source's missed minutes come after a reconnect.
    for (const k of this.#market.takeBridge()) listener.onKline(k);
    this.#timer = setInterval(() => {
      const events = this.#market.advance(this.#clock());
      this.#lastEventAt = Date.now();
      for (const k of events.klines) listener.onKline(k);
      for (const t of events.ticks) listener.onTick(t);
    }, this.#tickMs);
  }

  status(): MarketSourceStatus {
    return { connected: this.#timer !== undefined, lastEventAt: this.#lastEventAt };
  }

  async backfill(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]> {
    return this.#market.history(symbol, startMs, endMs);
  }

  async coarseHistory(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]> {
    return this.#market.coarseHistory(symbol, 240, startMs, endMs);
  }

  async health(): Promise<PortHealth> {
    return this.#closed ? { impl: this.impl, ok: false, error: 'closed' } : { impl: this.impl, ok: true };
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
