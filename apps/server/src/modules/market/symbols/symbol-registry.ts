import type { SymbolInfo } from '@cryptosim/contracts';
import type { SymbolRegistry } from '../../../ports/market/market-source.js';
import snapshot from './binance-filters.snapshot.json' with { type: 'json' };

type SnapshotEntry = Omit<SymbolInfo, 'symbol'>;
const SNAPSHOT: Record<string, SnapshotEntry | undefined> = snapshot.symbols;

/** The committed filters for `symbol`, when the snapshot knows it. */
export function snapshotSymbolInfo(symbol: string): SymbolInfo | undefined {
  const entry = SNAPSHOT[symbol];
  return entry ? { symbol, ...entry } : undefined;
}

/**
 * The configured symbols and their exchange rules. Starts from the committed snapshot so
 * trading rules work offline from the first request; a live exchangeInfo answer replaces it.
 */
export class MarketSymbols implements SymbolRegistry {
  #bySymbol = new Map<string, SymbolInfo>();

  /** `symbols` fixes the order; ones the snapshot lacks stay unknown until `update`. */
  constructor(readonly configured: readonly string[]) {
    this.update(configured.map(snapshotSymbolInfo).filter((s): s is SymbolInfo => s !== undefined));
  }

  /** Symbols no filters are known for (neither snapshot nor exchangeInfo). */
  missing(): string[] {
    return this.configured.filter((s) => !this.#bySymbol.has(s));
  }

  update(infos: SymbolInfo[]): void {
    for (const info of infos) if (this.configured.includes(info.symbol)) this.#bySymbol.set(info.symbol, info);
  }

  get(symbol: string): SymbolInfo | undefined {
    return this.#bySymbol.get(symbol);
  }

  list(): SymbolInfo[] {
    return this.configured.map((s) => this.#bySymbol.get(s)).filter((s): s is SymbolInfo => s !== undefined);
  }
}
