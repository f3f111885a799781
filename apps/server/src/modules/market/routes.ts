/** `/api/market/*` (docs/API.md): thin handlers over the market use cases. */
import Type from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { DepthQuery, DepthResponse, HistoryQuery, HistoryResponse, MarketStatus, PricesResponse, SymbolsResponse, TradesQuery, TradesResponse, type MarketWorld } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import { problemResponses } from '../../kernel/problem.js';
import type { ModuleContext } from '../../kernel/module.js';
import type { SymbolRegistry } from '../../ports/market/market-source.js';
import { getDepth } from './get-depth.js';
import { getHistory } from './get-history.js';
import { getMarketStatus } from './get-market-status.js';
import { getPrices } from './get-prices.js';
import { getRecentTrades, TRADES_FETCH_LIMIT } from './trades/get-recent-trades.js';
import { LiveTradeTapes } from './trades/live-trade-tapes.js';
import { BinanceRest } from './sources/binance/binance-rest.js';

export interface MarketRouteDeps {
  symbols: SymbolRegistry;
  /** What /prices and /status name as the source before the projector has heard from any. */
  fallbackSource: () => MarketStatus['source'];
  /** The database's market world; null until the first start has decided it. */
  world: () => Promise<MarketWorld | null>;
}

const SYMBOL_LIST = '^[A-Z0-9]{2,20}(,[A-Z0-9]{2,20})*$';
const PricesQuery = Type.Object(
  { symbols: Type.Optional(Type.String({ pattern: SYMBOL_LIST, description: 'comma-separated; all symbols when omitted' })) },
  { additionalProperties: false },
);

export function knownSymbol(symbols: SymbolRegistry, symbol: string): string {
  if (!symbols.get(symbol)) throw new AppError('UNKNOWN_SYMBOL', 404, `Unknown symbol ${symbol}`);
  return symbol;
}

export async function marketRoutes(server: FastifyInstance, ctx: ModuleContext, deps: MarketRouteDeps): Promise<void> {
  // Handlers take their request and reply types from the route's schemas.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { cache } = ctx.ports;
  const tags = ['market'];

  app.get('/api/market/symbols', { schema: { tags, response: { 200: SymbolsResponse } } }, async () => ({
    symbols: deps.symbols.list(),
  }));

  app.get(
    '/api/market/prices',
    { schema: { tags, querystring: PricesQuery, response: { 200: PricesResponse, ...problemResponses(404) } } },
    async (request) => {
      const wanted = request.query.symbols
        ? [...new Set(request.query.symbols.split(','))].map((s) => knownSymbol(deps.symbols, s))
        : deps.symbols.list().map((s) => s.symbol);
      return getPrices(cache, wanted, deps.fallbackSource());
    },
  );

  app.get(
    '/api/market/history',
    { schema: { tags, querystring: HistoryQuery, response: { 200: HistoryResponse, ...problemResponses(400, 404) } } },
    async (request) => {
      const q = request.query;
      return getHistory(ctx.ports.db.db, cache, {
        symbol: knownSymbol(deps.symbols, q.symbol),
        interval: q.interval ?? '1m',
        limit: q.limit ?? 500,
        startTime: q.startTime,
        endTime: q.endTime,
      });
    },
  );

  app.get('/api/market/status', { schema: { tags, response: { 200: MarketStatus } } }, async () =>
    getMarketStatus(cache, deps.symbols.list().map((s) => s.symbol), deps.fallbackSource(), await deps.world()),
  );

  // A short timeout: a browser polls this every few seconds, a stale answer is worth nothing.
  const binance = new BinanceRest(ctx.config.market.binanceRestUrl, 3_000);
  // Opened on the first request for a symbol's tape; the REST tape (shared through the cache) seeds it and serves meanwhile.
  // Only a Binance-sourced server has a tape to stream; the others answer TRADES_UNAVAILABLE.
  const tapes =
    ctx.ports.market.impl === 'binance'
      ? new LiveTradeTapes({
          wsUrl: ctx.config.market.binanceWsUrl,
          seed: async (symbol) => (await getRecentTrades({ cache, binance }, symbol, TRADES_FETCH_LIMIT)).trades,
          logger: ctx.logger.child({ module: 'market-trades' }),
        })
      : undefined;
  if (tapes) server.addHook('onClose', async () => tapes.close());
  app.get(
    '/api/market/depth',
    { schema: { tags, querystring: DepthQuery, response: { 200: DepthResponse, ...problemResponses(400, 404, 503) } } },
    async (request) => {
      const symbol = knownSymbol(deps.symbols, request.query.symbol);
      if (ctx.ports.market.impl !== 'binance') {
        throw new AppError('DEPTH_UNAVAILABLE', 404, `order book depth is only available from Binance; this server uses ${ctx.ports.market.impl === 'replay' ? 'a replayed file' : 'the simulator'}`);
      }
      return getDepth({ cache, binance }, symbol, request.query.limit ?? 20);
    },
  );

  app.get(
    '/api/market/trades',
    { schema: { tags, querystring: TradesQuery, response: { 200: TradesResponse, ...problemResponses(400, 404, 503) } } },
    async (request) => {
      const symbol = knownSymbol(deps.symbols, request.query.symbol);
      if (ctx.ports.market.impl !== 'binance') {
        throw new AppError('TRADES_UNAVAILABLE', 404, `recent trades are only available from Binance; this server uses ${ctx.ports.market.impl === 'replay' ? 'a replayed file' : 'the simulator'}, whose prints the browser derives from the live candle`);
      }
      const limit = request.query.limit ?? 30;
      return tapes?.recent(symbol, limit) ?? getRecentTrades({ cache, binance }, symbol, limit);
    },
  );
}
