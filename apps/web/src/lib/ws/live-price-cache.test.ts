import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { HistoryResponse, KlineData } from '@cryptosim/contracts';
import { marketKeys } from '@/lib/market';
import { LivePriceCache } from './live-price-cache';

const MIN = 60_000;
const kline = (openTime: number, close: string, volume: string): KlineData => ({
  symbol: 'BTCUSDT', interval: '1m', openTime, open: '100', high: close, low: '100', close, volume, closed: false,
});

describe('live price cache', () => {
  it('when 1m klines arrive, then the 5m candle in the cache grows by what each minute added, counting the snapshot once', () => {
    const client = new QueryClient();
    const key = marketKeys.history('BTCUSDT', '5m', 100);
    // History fetched mid-minute: the bucket already holds the first 0.5 of minute 0.
    client.setQueryData<HistoryResponse>(key, {
      symbol: 'BTCUSDT', interval: '5m', candles: [{ openTime: 0, open: '100', high: '101', low: '100', close: '101', volume: '0.5' }],
    });
    const cache = new LivePriceCache(client);

    cache.apply({ type: 'snapshot', data: { symbol: 'BTCUSDT', ticker: null, kline: kline(0, '101', '0.5') } });
    cache.apply({ type: 'kline', data: kline(0, '102', '0.7') });
    cache.apply({ type: 'kline', data: kline(MIN, '103', '0.1') });

    const candle = client.getQueryData<HistoryResponse>(key)!.candles.at(-1)!;
    expect(candle.volume, '0.5 + 0.2 more in minute 0 + 0.1 in minute 1').toBe('0.8');
    expect(candle.high).toBe('103');
    expect(candle.close).toBe('103');
  });
});
