/** What the tools read from: the ports and the AI module's serving caches, shared by every turn. */
import type { CachePort } from '../../../../ports/cache/cache-port.js';
import type { Database } from '../../../../ports/db/db-port.js';
import type { SymbolRegistry } from '../../../../ports/market/market-source.js';
import type { TradingConfig } from '../../../trading/index.js';
import type { ActiveModelCache } from '../../serving/active-model-cache.js';
import type { PredictionMemo } from '../../serving/prediction-memo.js';

export interface ToolServices {
  db: Database;
  cache: CachePort;
  /** Looked up per call: MARKET_SOURCE=auto settles on its source (and registry) after start. */
  symbols(): SymbolRegistry;
  /** The market source's name, for price replies before the projector has reported one. */
  marketSource(): string;
  trading: TradingConfig;
  models: ActiveModelCache;
  memo: PredictionMemo;
}
