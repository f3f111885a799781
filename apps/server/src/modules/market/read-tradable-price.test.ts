import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/app-error.js';
import { MemoryCache } from '../../ports/cache/memory-cache.js';
import { testLogger } from './projector/testing/market-test-stack.js';
import { STALE_AFTER_MS, tickerKey } from './projector/cache-layout.js';
import { readTradablePrice } from './read-tradable-price.js';

const NOW = 1_800_000_000_000;
const cache = new MemoryCache(testLogger);
const ticker = (symbol: string, source: string, updatedAt: number) =>
  cache.hset(tickerKey(symbol), { symbol, price: '100.5', open24h: '100', high24h: '101', low24h: '99', volume24h: '1000', changePercent24h: '0.5', updatedAt: String(updatedAt), source });
const refusal = (symbol: string) => readTradablePrice(cache, symbol, NOW).then(() => undefined, (e: unknown) => e as AppError);

describe('readTradablePrice', () => {
  afterAll(() => cache.close());

  it('when a fresh price is cached, then it is the price row', async () => {
    await ticker('BTCUSDT', 'binance', NOW - 1_000);
    expect(await readTradablePrice(cache, 'BTCUSDT', NOW)).toMatchObject({ symbol: 'BTCUSDT', price: '100.5', volume24h: '1000', stale: false });
  });

  it('when a live (Binance) price stopped updating, then it is refused with 503 NO_PRICE saying Binance is not reachable', async () => {
    await ticker('ETHUSDT', 'binance', NOW - STALE_AFTER_MS - 1);
    const e = await refusal('ETHUSDT');
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'NO_PRICE', status: 503, headers: { 'retry-after': '10' } });
    expect(e!.message).toMatch(/stale: Binance is not reachable/);
  });

  it('when a simulated or replayed price is old, then it is still the price (their clocks are not the wall clock)', async () => {
    await ticker('SOLUSDT', 'replay', NOW - 86_400_000);
    await ticker('XRPUSDT', 'simulator', NOW - STALE_AFTER_MS - 1);
    expect(await readTradablePrice(cache, 'SOLUSDT', NOW)).toMatchObject({ price: '100.5', stale: true });
    expect(await readTradablePrice(cache, 'XRPUSDT', NOW)).toMatchObject({ price: '100.5', stale: true });
  });

  it('when no price was cached yet, then it is refused with 503 NO_PRICE', async () => {
    expect(await refusal('BNBUSDT')).toMatchObject({ code: 'NO_PRICE', status: 503, headers: { 'retry-after': '5' } });
  });
});
