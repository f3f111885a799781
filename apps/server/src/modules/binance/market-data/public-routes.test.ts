/**
 * /binance/api/v3 public market data through buildApp + inject, compared with the shapes of
 * Binance's Spot API documentation (field names, decimals as strings, array-of-arrays klines)
 * and with what our engine really does (filters, fill prices).
 */
import { sql } from 'drizzle-orm';
import { Dec } from '@cryptosim/trading-rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromIp, newIp } from '../../accounts/testing/clients.js';
import { newTrader, order, placed } from '../../trading/testing/trading-clients.js';
import { expectBinanceError, startBinanceApp, type BinanceTestApp } from '../testing/binance-test-app.js';

let t: BinanceTestApp;
const get = (url: string, ip = newIp()) => t.app.inject({ method: 'GET', url, headers: fromIp(ip) });
const DECIMAL = /^\d+\.\d{8,}$/;

beforeAll(async () => {
  t = await startBinanceApp({ BTCUSDT: '50000', ETHUSDT: '2000' });
}, 180_000);
afterAll(async () => t?.close());

describe('general endpoints', () => {
  it('when a bot pings and asks the time, then it gets {} and serverTime, each weighing 1', async () => {
    const ip = newIp();
    const ping = await get('/binance/api/v3/ping', ip);
    expect(ping.statusCode).toBe(200);
    expect(ping.json()).toEqual({});
    expect(ping.headers['x-mbx-used-weight-1m'], 'the used weight is reported on every reply').toBe('1');
    const time = await get('/binance/api/v3/time', ip);
    expect((time.json() as { serverTime: number }).serverTime).toEqual(expect.any(Number));
    expect(time.headers['x-mbx-used-weight-1m'], 'weights add up per address').toBe('2');
  });

  it('when a path is not one we serve, then it is -1020 in Binance format, not problem+json', async () => {
    expectBinanceError(await get('/binance/api/v3/historicalTrades?symbol=BTCUSDT'), 404, -1020);
  });

  it('when an address spends more than its minute budget, then it gets -1003 with 429 and Retry-After', async () => {
    const ip = newIp();
    for (let i = 0; i < 300; i++) {
      const res = await get('/binance/api/v3/exchangeInfo?symbol=BTCUSDT', ip);
      expect(res.statusCode, `request ${i + 1} of 300 is within 6000`).toBe(200);
    }
    const over = await get('/binance/api/v3/exchangeInfo?symbol=BTCUSDT', ip);
    expectBinanceError(over, 429, -1003);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.headers['x-mbx-used-weight-1m']).toBe('6020');
    expect((await get('/binance/api/v3/ping')).statusCode, 'another address is not affected').toBe(200);
  });
});

describe('exchangeInfo', () => {
  it('when asked for all symbols, then each lists our real filters, order types and the rate limits', async () => {
    const res = await get('/binance/api/v3/exchangeInfo');
    expect(res.statusCode).toBe(200);
    const info = res.json() as { timezone: string; rateLimits: unknown[]; symbols: Array<Record<string, unknown>> };
    expect(info.timezone).toBe('UTC');
    expect(info.rateLimits).toEqual([
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 6000 },
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 100 },
      { rateLimitType: 'ORDERS', interval: 'DAY', intervalNum: 1, limit: 200000 },
    ]);
    const ours = t.ports.market.symbols.list();
    expect(info.symbols.map((s) => s.symbol)).toEqual(ours.map((s) => s.symbol));
    const btc = info.symbols.find((s) => s.symbol === 'BTCUSDT')!;
    const rules = t.ports.market.symbols.get('BTCUSDT')!;
    expect(btc).toMatchObject({ status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT', orderTypes: ['LIMIT', 'LIMIT_MAKER', 'MARKET', 'STOP_LOSS', 'STOP_LOSS_LIMIT', 'TAKE_PROFIT', 'TAKE_PROFIT_LIMIT'], isSpotTradingAllowed: true, quoteOrderQtyMarketAllowed: true });
    const filters = btc.filters as Array<Record<string, unknown>>;
    const filter = (type: string) => filters.find((f) => f.filterType === type)!;
    expect(Number(filter('PRICE_FILTER').tickSize)).toBe(Number(rules.tickSize));
    expect(Number(filter('LOT_SIZE').stepSize)).toBe(Number(rules.stepSize));
    expect(Number(filter('LOT_SIZE').minQty)).toBe(Number(rules.minQty));
    expect(Number(filter('MARKET_LOT_SIZE').minQty)).toBe(Number(rules.minQty));
    expect(Number(filter('NOTIONAL').minNotional)).toBe(Number(rules.minNotional));
    expect(filter('PRICE_FILTER').tickSize, 'decimals are strings with 8 places').toMatch(DECIMAL);
  });

  it('when asked for one symbol or a list, then only those come back; an unknown one is -1121', async () => {
    const one = (await get('/binance/api/v3/exchangeInfo?symbol=ETHUSDT')).json() as { symbols: Array<{ symbol: string }> };
    expect(one.symbols.map((s) => s.symbol)).toEqual(['ETHUSDT']);
    const list = (await get(`/binance/api/v3/exchangeInfo?symbols=${encodeURIComponent('["ETHUSDT","BTCUSDT"]')}`)).json() as { symbols: Array<{ symbol: string }> };
    expect(list.symbols.map((s) => s.symbol)).toEqual(['ETHUSDT', 'BTCUSDT']);
    expect(expectBinanceError(await get('/binance/api/v3/exchangeInfo?symbol=NOPEUSDT'), 400, -1121).msg).toBe('Invalid symbol.');
    expectBinanceError(await get('/binance/api/v3/exchangeInfo?symbol=btc%20usdt'), 400, -1100);
    expectBinanceError(await get(`/binance/api/v3/exchangeInfo?symbols=${encodeURIComponent('["BTCUSDT","BTCUSDT"]')}`), 400, -1151);
    expectBinanceError(await get('/binance/api/v3/exchangeInfo?symbol=BTCUSDT&symbol=ETHUSDT'), 400, -1101);
  });
});

describe('tickers and book', () => {
  it('when a bot reads ticker/price, then the single form is an object and the others are arrays', async () => {
    expect((await get('/binance/api/v3/ticker/price?symbol=BTCUSDT')).json()).toEqual({ symbol: 'BTCUSDT', price: '50000.00000000' });
    const all = (await get('/binance/api/v3/ticker/price')).json() as Array<{ symbol: string }>;
    expect(all.map((r) => r.symbol), 'symbols without a price yet are left out').toEqual(['BTCUSDT', 'ETHUSDT']);
    const some = await get(`/binance/api/v3/ticker/price?symbols=${encodeURIComponent('["ETHUSDT"]')}`);
    expect(some.json()).toEqual([{ symbol: 'ETHUSDT', price: '2000.00000000' }]);
    expect(some.headers['x-mbx-used-weight-1m']).toBe('4');
    expectBinanceError(await get('/binance/api/v3/ticker/price?symbol=NOPEUSDT'), 400, -1121);
    expectBinanceError(await get('/binance/api/v3/ticker/price?symbol=BTCUSDT&symbols=%5B%22ETHUSDT%22%5D'), 400, -1128);
  });

  it('when a bot reads ticker/24hr, then it has every field of Binance’s example with decimals as strings', async () => {
    const res = await get('/binance/api/v3/ticker/24hr?symbol=BTCUSDT');
    const ticker = res.json() as Record<string, unknown>;
    expect(Object.keys(ticker).sort()).toEqual(
      ['symbol', 'priceChange', 'priceChangePercent', 'weightedAvgPrice', 'prevClosePrice', 'lastPrice', 'lastQty', 'bidPrice', 'bidQty', 'askPrice', 'askQty', 'openPrice', 'highPrice', 'lowPrice', 'volume', 'quoteVolume', 'openTime', 'closeTime', 'firstId', 'lastId', 'count'].sort(),
    );
    expect(ticker).toMatchObject({ symbol: 'BTCUSDT', lastPrice: '50000.00000000', priceChange: '0.00000000', priceChangePercent: '0.000', count: 0 });
    expect(ticker.closeTime as number).toBeGreaterThan(ticker.openTime as number);
    expect(res.headers['x-mbx-used-weight-1m']).toBe('2');
    const mini = (await get('/binance/api/v3/ticker/24hr?type=MINI')).json() as Array<Record<string, unknown>>;
    expect(Object.keys(mini[0]!)).not.toContain('bidPrice');
    expectBinanceError(await get('/binance/api/v3/ticker/24hr?type=HUGE'), 400, -1139);
  });

  it('when a bot buys a level’s cumulative quantity at market, then it fills at that level’s price (the book is the engine’s)', async () => {
    const book = (await get('/binance/api/v3/ticker/bookTicker?symbol=BTCUSDT')).json() as { askPrice: string; askQty: string; bidPrice: string };
    expect(Number(book.bidPrice)).toBeLessThanOrEqual(50000);
    expect(Number(book.askPrice)).toBeGreaterThanOrEqual(50000);
    const depth = (await get('/binance/api/v3/depth?symbol=BTCUSDT&limit=5')).json() as { lastUpdateId: number; bids: string[][]; asks: string[][] };
    expect(depth.asks).toHaveLength(5);
    expect(depth.bids).toHaveLength(5);
    expect(depth.asks[0]).toEqual([book.askPrice, book.askQty]);
    const asks = depth.asks.map(([p]) => Number(p));
    const bids = depth.bids.map(([p]) => Number(p));
    expect(asks, 'asks ascend').toEqual([...asks].sort((a, b) => a - b));
    expect(bids, 'bids descend').toEqual([...bids].sort((a, b) => b - a));
    const me = await newTrader(t.app);
    const { order: first } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: depth.asks[0]![1]! }));
    expect(Number(first.avgFillPrice), 'the best ask quantity fills at the best ask').toBe(Number(depth.asks[0]![0]));
    const twoLevels = new Dec(depth.asks[0]![1]!).plus(depth.asks[1]![1]!).toFixed();
    const { order: second } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: twoLevels }));
    expect(Number(second.avgFillPrice), 'the first two levels together fill at the second level’s price').toBe(Number(depth.asks[1]![0]));
  });
});

describe('klines and avgPrice', () => {
  const minute = 60_000;
  const base = Math.floor(Date.UTC(2026, 0, 5) / minute) * minute;

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) {
      const close = 100 + i;
      await t.ports.db.db.execute(
        sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume) values ('ETHUSDT', '1m', ${base + i * minute}, ${String(close - 1)}, ${String(close + 1)}, ${String(close - 2)}, ${String(close)}, '2')`,
      );
    }
  });

  it('when a bot reads klines, then each row is Binance’s 12-element array with times as numbers and figures as strings', async () => {
    const res = await get(`/binance/api/v3/klines?symbol=ETHUSDT&interval=1m&startTime=${base}&limit=3`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual([
      [base, '99.00000000', '101.00000000', '98.00000000', '100.00000000', '2.00000000', base + minute - 1, '199.00000000', 0, '0.00000000', '0.00000000', '0'],
      [base + minute, '100.00000000', '102.00000000', '99.00000000', '101.00000000', '2.00000000', base + 2 * minute - 1, '201.00000000', 0, '0.00000000', '0.00000000', '0'],
      [base + 2 * minute, '101.00000000', '103.00000000', '100.00000000', '102.00000000', '2.00000000', base + 3 * minute - 1, '203.00000000', 0, '0.00000000', '0.00000000', '0'],
    ]);
    expectBinanceError(await get('/binance/api/v3/klines?symbol=ETHUSDT&interval=7m'), 400, -1120);
    expectBinanceError(await get('/binance/api/v3/klines?symbol=ETHUSDT'), 400, -1102);
    expectBinanceError(await get('/binance/api/v3/klines?symbol=ETHUSDT&interval=1m&limit=abc'), 400, -1100);
  });

  it('when a bot reads avgPrice, then it is the volume-weighted close of the last 5 minutes', async () => {
    const res = await get('/binance/api/v3/avgPrice?symbol=ETHUSDT');
    // The last five stored minutes close at 101..105 with equal volume.
    expect(res.json()).toEqual({ mins: 5, price: '103.00000000', closeTime: base + 6 * minute - 1 });
  });
});
