import type { AppModule } from '../../kernel/module.js';
import { ingestEntryPoint } from './ingest/start-ingest.js';
import { projectorEntryPoint } from './projector/projector-entry-point.js';
import { marketRoutes } from './routes.js';
import { pricesWebSocket } from './ws/prices-ws.js';
import type { MarketWorld } from '@cryptosim/contracts';
import type { Ports } from '../../kernel/ports.js';
import { readWorld } from './world/world-store.js';

export type { SymbolRegistry } from '../../ports/market/market-source.js';
// What other modules and the composition root may use: price reads, the tick stream's parser
// and partitions, and the market source factory (a port implementation picked by config).
export { readTicker, tickerFromHash, tickerKey, type TickerHash } from './projector/cache-layout.js';
export { readTradablePrice } from './read-tradable-price.js';
export { parseTick } from './projector/parse-event.js';
export { MARKET_TOPIC_PARTITIONS } from './ingest/start-ingest.js';
export { createMarketSource } from './sources/create-market-source.js';
export { createTickProjector } from './projector/project-ticks.js';
export { MarketWorldError } from './world/market-world.js';
export { settleMarketWorld } from './world/settle-market-world.js';

/**
 * The database's market world: as settled at start, or — in a process that does not run the
 * feed and started before the first start decided it — as the database says now.
 */
export async function marketWorldOf(ports: Pick<Ports, 'db' | 'market'>): Promise<MarketWorld | null> {
  return ports.market.world?.world ?? (await readWorld(ports.db).catch(() => undefined))?.world ?? null;
}
export { backfillHistory, type BackfillReport, type HistorySource } from './history/backfill-history.js';
export { refreshRollups } from './history/refresh-rollups.js';
export { readClosedCandles, latestClosedOpenTime, type ClosedCandle } from './read-closed-candles.js';
export { getPrices } from './get-prices.js';
export { getHistory } from './get-history.js';
export { checkCandleQuality, type SymbolQuality } from './quality/check-candle-quality.js';
// For the Binance-compatible face (modules/binance): candles as /history serves them (above), and
// the price channel whose frames it re-shapes into Binance's stream payloads.
export { INTERVAL_MS } from './repository.js';
export { priceChannel } from './projector/cache-layout.js';
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
    await marketRoutes(app, ctx, { symbols, fallbackSource: () => market().impl, world: () => marketWorldOf(ctx.ports) });
    await pricesWebSocket(app, ctx, symbols);
  },
  entryPoints: {
    ingest: [ingestEntryPoint],
    projector: [projectorEntryPoint],
  },
};
