/**
 * The market source port: where prices come from (Binance, the simulator, a replayed file).
 * Every implementation emits the same two kinds of event; ingest turns them into bus messages.
 */
import type { Candle, MarketSource as MarketSourceName, MarketWorld, SymbolInfo } from '@cryptosim/contracts';
import type { ManagedPort } from '../port-health.js';

export type MarketSourceImpl = MarketSourceName;

/** A 24 h ticker update, decimals as strings exactly as the source gave them. */
export interface SourceTick {
  symbol: string;
  price: string;
  open24h: string;
  high24h: string;
  low24h: string;
  volume24h: string;
  /** Epoch ms at the source. */
  eventTime: number;
}

/** A 1m candle: live updates while the minute runs, then one with `closed: true`. */
export interface SourceKline {
  symbol: string;
  openTime: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  closed: boolean;
  eventTime: number;
}

export interface MarketListener {
  onTick(tick: SourceTick): void;
  onKline(kline: SourceKline): void;
}

export interface MarketSourceStatus {
  /** True while events flow (socket open, simulator running, replay not finished). */
  connected: boolean;
  /** Epoch ms (local clock) of the last event emitted; null before the first. */
  lastEventAt: number | null;
}

/** Exchange rules per symbol; trading rules and the market routes read it. */
export interface SymbolRegistry {
  get(symbol: string): SymbolInfo | undefined;
  /** In the configured order. */
  list(): SymbolInfo[];
}

/** Where a feed stopped, as JSON (each source reads only its own kind). */
export type SourceCheckpoint =
  | { kind: 'simulated'; minute: number; symbols: Record<string, { close: string; variance: number }> }
  | { kind: 'replay'; minute: number };

/** The latest stored closed 1m candles of a symbol up to `endMs` (inclusive), oldest first. */
export type RecentCandles = (symbol: string, endMs: number, limit: number) => Promise<Candle[]>;

/** The database's market world as settled at start, with where its feed last stopped. */
export interface SettledWorld {
  world: MarketWorld;
  checkpoint: SourceCheckpoint | null;
}

export interface MarketSource extends ManagedPort {
  readonly impl: MarketSourceImpl;
  /** The configured symbols with their filters (exchangeInfo once fetched, the snapshot before). */
  readonly symbols: SymbolRegistry;
  /** Starts emitting events; resolves once the source is running. Call at most once. */
  start(listener: MarketListener): Promise<void>;
  status(): MarketSourceStatus;
  /** Closed 1m candles with openTime in [startMs, endMs), oldest first. */
  backfill(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]>;
  /**
   * Closed 4h candles with openTime in [startMs, endMs), oldest first: the long history of the
   * 1D and 1W charts before the minutes. Absent, or empty, where the source has none.
   */
  coarseHistory?(symbol: string, startMs: number, endMs: number): Promise<SourceKline[]>;
  /** Set once at start-up when the database's world is known (absent in tests that run a bare source). */
  world?: SettledWorld | undefined;
  /** Where the feed is now, for the next start to continue from; undefined for a live feed. */
  checkpoint?(): SourceCheckpoint | undefined;
  /** Before start(): continue from a checkpoint instead of starting over. */
  resume?(checkpoint: SourceCheckpoint, recent: RecentCandles): Promise<void>;
}
