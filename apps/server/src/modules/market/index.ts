import type { AppModule } from '../../app/module.js';
import { ingestEntryPoint } from './ingest/start-ingest.js';
import { projectorEntryPoint } from './projector/projector-entry-point.js';
import { marketRoutes } from './routes.js';
import { pricesWebSocket } from './ws/prices-ws.js';

export type { SymbolRegistry } from '../../ports/market/market-source.js';
export { DEFAULT_SYMBOLS } from './symbols/default-symbols.js';
export { backfillHistory, type BackfillReport, type HistorySource } from './history/backfill-history.js';
export { refreshRollups } from './history/refresh-rollups.js';
export { checkCandleQuality, type SymbolQuality } from './quality/check-candle-quality.js';
export type { QualityReport } from './quality/assess-candle-quality.js';

/**
 * Market data: the ingest role runs the source (Binance, simulator, replay) into the bus;
 * the projector role turns the bus into cached prices, stored candles and price frames (and
 * backfills missing history); the api role serves /api/market/* and /ws/prices.
 */
export const marketModule: AppModule = {
  name: 'market',
  async routes(app, ctx) {
    // Looked up per request: MARKET_SOURCE=auto settles on its source (and registry) later.
    const market = () => ctx.ports.market;
    const symbols = { get: (s: string) => market().symbols.get(s), list: () => market().symbols.list() };
    await marketRoutes(app, ctx, { symbols, fallbackSource: () => market().impl });
    await pricesWebSocket(app, ctx, symbols);
  },
  entryPoints: {
    ingest: [ingestEntryPoint],
    projector: [projectorEntryPoint],
  },
};
