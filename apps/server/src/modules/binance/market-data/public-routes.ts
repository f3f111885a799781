/**
 * Binance's public market data under /binance/api/v3: ping, time, exchangeInfo, depth, klines,
 * avgPrice and the three tickers, with Binance's parameters, shapes and request weights.
 */
import type { FastifyInstance } from 'fastify';
import type { PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { Dec } from '@cryptosim/trading-rules';
import type { ModuleContext } from '../../../kernel/module.js';
import { getHistory, INTERVAL_MS, readTicker } from '../../market/index.js';
import { BinanceError } from '../binance-error.js';
import { bdec } from '../binance-decimal.js';
import { type BinanceParams, knownSymbol } from '../binance-params.js';
import { binanceRoute } from '../binance-scope.js';
import type { UsageLimits } from '../usage-limits.js';
import { publicRateLimits } from '../usage-limits.js';
import { binanceSymbol } from './binance-symbols.js';
import { engineBook, type EngineMarket } from './engine-book.js';
import { klineInterval, klineRow } from './klines.js';
import { bookTop, fullTicker, miniTicker } from './tickers.js';

export interface MarketDataDeps {
  ctx: ModuleContext;
  usage: UsageLimits;
  slippage: { k: Dec; cap: Dec };
}

const depthWeight = (limit: number) => (limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250);
/** ticker/24hr: by how many symbols are asked (all of them weighs the most). */
const tickerWeight = (count: number | undefined) => (count === undefined || count > 100 ? 80 : count > 20 ? 40 : 2);

export async function publicMarketRoutes(scope: FastifyInstance, deps: MarketDataDeps): Promise<void> {
  const { ctx, usage } = deps;
  const registry = () => ctx.ports.market.symbols;
  const lookup = (s: string) => registry().get(s);

  /** One symbol (`symbol`), several (`symbols`), or every listed one. */
  function wantedSymbols(params: BinanceParams): { single: boolean; infos: SymbolInfo[] } {
    const one = params.symbolName('symbol');
    const many = params.symbolList('symbols');
    if (one !== undefined && many !== undefined) throw new BinanceError(-1128, 'Combination of optional parameters invalid.');
    if (one !== undefined) return { single: true, infos: [knownSymbol(one, lookup)] };
    if (many !== undefined) return { single: false, infos: many.map((s) => knownSymbol(s, lookup)) };
    return { single: false, infos: registry().list() };
  }

  function engineMarket(row: PriceRow, info: SymbolInfo): EngineMarket {
    return { price: new Dec(row.price), volume24h: new Dec(row.volume24h), tickSize: new Dec(info.tickSize), stepSize: new Dec(info.stepSize), slippage: deps.slippage };
  }

  async function priced(info: SymbolInfo): Promise<PriceRow | null> {
    return readTicker(ctx.ports.cache, info.symbol);
  }

  async function pricedOrRetry(info: SymbolInfo): Promise<PriceRow> {
    const row = await priced(info);
    if (!row) throw new BinanceError(-1001, `Internal error; unable to process your request. Please try again. (no live price for ${info.symbol} yet)`, 503, { 'retry-after': '5' });
    return row;
  }

  /** Single form → one object (or -1001 while unpriced); list forms → the priced ones. */
  async function perSymbol<T>(params: BinanceParams, shape: (row: PriceRow, info: SymbolInfo) => T): Promise<T | T[]> {
    const { single, infos } = wantedSymbols(params);
    if (single) return shape(await pricedOrRetry(infos[0]!), infos[0]!);
    const rows = await Promise.all(infos.map(async (info) => [info, await priced(info)] as const));
    return rows.filter(([, row]) => row !== null).map(([info, row]) => shape(row!, info));
  }

  const route = (r: Parameters<typeof binanceRoute>[2]) => binanceRoute(scope, usage, r);

  route({ method: 'GET', url: '/api/v3/ping', summary: 'Binance: test connectivity', weight: 1, handler: async () => ({}) });
  route({ method: 'GET', url: '/api/v3/time', summary: 'Binance: server time', weight: 1, handler: async () => ({ serverTime: Date.now() }) });

  route({
    method: 'GET',
    url: '/api/v3/exchangeInfo',
    summary: 'Binance: symbols, filters, order types and rate limits',
    weight: 20,
    async handler(params) {
      const { infos } = wantedSymbols(params);
      return { timezone: 'UTC', serverTime: Date.now(), rateLimits: publicRateLimits(usage.weight), exchangeFilters: [], symbols: infos.map(binanceSymbol) };
    },
  });

  route({
    method: 'GET',
    url: '/api/v3/depth',
    summary: "Binance: order book (the levels this engine fills a taker at)",
    weight: (p) => depthWeight(Math.min(p.integer('limit', { min: 1 }) ?? 100, 5000)),
    async handler(params) {
      const info = knownSymbol(params.required('symbol'), lookup);
      const limit = Math.min(params.integer('limit', { min: 1 }) ?? 100, 5000);
      const row = await pricedOrRetry(info);
      const book = engineBook(engineMarket(row, info), limit);
      const level = ([price, qty]: [Dec, Dec]) => [bdec(price), bdec(qty)];
      return { lastUpdateId: row.updatedAt, bids: book.bids.map(level), asks: book.asks.map(level) };
    },
  });

  route({
    method: 'GET',
    url: '/api/v3/klines',
    summary: 'Binance: candlesticks',
    weight: 2,
    async handler(params) {
      const info = knownSymbol(params.required('symbol'), lookup);
      const interval = klineInterval(params.required('interval'));
      const limit = params.integer('limit', { min: 1, max: 1000 }) ?? 500;
      const startTime = params.integer('startTime', { min: 0 });
      const endTime = params.integer('endTime', { min: 0 });
      if (startTime !== undefined && endTime !== undefined && startTime > endTime) throw new BinanceError(-1023, 'Start time is greater than end time.');
      const history = await getHistory(ctx.ports.db.db, ctx.ports.cache, { symbol: info.symbol, interval, limit, startTime, endTime });
      return history.candles.map((c) => klineRow(c, INTERVAL_MS[interval]));
    },
  });

  route({
    method: 'GET',
    url: '/api/v3/avgPrice',
    summary: 'Binance: average price over the last 5 minutes',
    weight: 2,
    async handler(params) {
      const info = knownSymbol(params.required('symbol'), lookup);
      const { candles } = await getHistory(ctx.ports.db.db, ctx.ports.cache, { symbol: info.symbol, interval: '1m', limit: 5 });
      if (candles.length === 0) return { mins: 5, price: bdec((await pricedOrRetry(info)).price), closeTime: Date.now() };
      // Volume-weighted mean of the minutes' closes; an all-quiet window weighs them equally.
      const volume = candles.reduce((s, c) => s.plus(c.volume), new Dec(0));
      const price = volume.gt(0)
        ? candles.reduce((s, c) => s.plus(new Dec(c.close).times(c.volume)), new Dec(0)).div(volume)
        : candles.reduce((s, c) => s.plus(c.close), new Dec(0)).div(candles.length);
      return { mins: 5, price: bdec(price.toDecimalPlaces(8, Dec.ROUND_HALF_UP)), closeTime: candles.at(-1)!.openTime + 60_000 - 1 };
    },
  });

  route({
    method: 'GET',
    url: '/api/v3/ticker/24hr',
    summary: 'Binance: 24 h rolling statistics',
    weight: (p) => tickerWeight(p.has('symbol') ? 1 : p.symbolList('symbols')?.length),
    async handler(params) {
      const type = params.oneOf('type', ['FULL', 'MINI'] as const, () => new BinanceError(-1139, 'Invalid ticker type.')) ?? 'FULL';
      return perSymbol(params, (row, info) => (type === 'MINI' ? miniTicker(row) : fullTicker(row, engineMarket(row, info))));
    },
  });

  route({
    method: 'GET',
    url: '/api/v3/ticker/price',
    summary: 'Binance: latest price',
    weight: (p) => (p.has('symbol') ? 2 : 4),
    handler: async (params) => perSymbol(params, (row) => ({ symbol: row.symbol, price: bdec(row.price) })),
  });

  route({
    method: 'GET',
    url: '/api/v3/ticker/bookTicker',
    summary: "Binance: best bid and ask (this engine's book)",
    weight: (p) => (p.has('symbol') ? 2 : 4),
    handler: async (params) => perSymbol(params, (row, info) => ({ symbol: row.symbol, ...bookTop(engineMarket(row, info)) })),
  });
}
