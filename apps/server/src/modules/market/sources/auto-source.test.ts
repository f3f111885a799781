import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import type { MarketSource } from '../../../ports/market/market-source.js';
import { freePort } from '../../../testing/server-process.js';
import { createMarketSource } from './create-market-source.js';
import { FakeBinanceServer } from './testing/fake-binance-server.js';

const logger = pino({ level: 'silent' });
const row = (openTime: number) => ({ openTime, open: '1', high: '1', low: '1', close: '1', volume: '1' });

describe('MARKET_SOURCE=auto', () => {
  let source: MarketSource | undefined;
  let server: FakeBinanceServer | undefined;
  afterEach(async () => {
    await source?.close();
    await server?.close();
    source = server = undefined;
  });

  it('when Binance answers exchangeInfo, then auto streams from Binance', async () => {
    server = await FakeBinanceServer.start({ BTCUSDT: [row(0), row(60_000)] }, 0);
    const config = loadConfig({ MARKET_SYMBOLS: 'BTCUSDT', BINANCE_REST_URL: server.restUrl, BINANCE_WS_URL: server.wsUrl });
    source = createMarketSource({ market: config.market, logger });
    expect(source.impl, 'before the probe it reports the fallback').toBe('simulator');
    expect(server.requests, 'no outside call at construction').toHaveLength(0);
    await source.start({ onTick: () => undefined, onKline: () => undefined });
    expect(source.impl).toBe('binance');
    expect((await source.health()).impl).toBe('binance');
  });

  it('when Binance is unreachable, then auto falls back to the simulator', async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const config = loadConfig({ BINANCE_REST_URL: dead, BINANCE_WS_URL: dead.replace('http', 'ws') });
    source = createMarketSource({ market: config.market, logger });
    const ticks: string[] = [];
    await source.start({ onTick: (t) => ticks.push(t.symbol), onKline: () => undefined });
    expect(source.impl).toBe('simulator');
    expect(source.symbols.list()).toHaveLength(10);
    expect((await source.backfill('BTCUSDT', Date.now() - 3_600_000, Date.now())).length).toBeGreaterThanOrEqual(59);
  });
});

describe('market configuration', () => {
  it('when nothing is set, then auto, the 10 default symbols, seed and speed 600 apply', () => {
    const { market } = loadConfig({});
    expect(market.source).toEqual({ kind: 'auto' });
    expect(market.symbols).toHaveLength(10);
    expect(market.replaySpeed).toBe(600);
    expect(market.binanceRestUrl).toBe('https://api.binance.com');
  });

  it('when replay files and start prices are given, then they are parsed', () => {
    const { market } = loadConfig({ MARKET_SOURCE: 'replay:a/BTCUSDT-1m.csv,b/ETHUSDT-1m.csv', SIMULATOR_START_PRICES: 'BTCUSDT=80000.5' });
    expect(market.source).toEqual({ kind: 'replay', files: ['a/BTCUSDT-1m.csv', 'b/ETHUSDT-1m.csv'] });
    expect(market.simulatorStartPrices).toEqual({ BTCUSDT: 80000.5 });
  });

  it.each([
    ['MARKET_SOURCE', 'kraken'],
    ['MARKET_SYMBOLS', 'btc-usdt'],
    ['REPLAY_SPEED', '0'],
    ['BINANCE_WS_URL', 'https://x'],
    ['SIMULATOR_START_PRICES', 'BTCUSDT'],
  ])('when %s=%s, then start-up refuses it naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid ${name}=`));
  });
});
