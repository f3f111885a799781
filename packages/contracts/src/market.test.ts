import { describe, expect, it } from 'vitest';
import { bucketStart, INTERVAL_MS, Intervals } from './market.js';

const at = (iso: string) => Date.parse(iso);

describe('bucketStart', () => {
  it('when the interval is 1w, then the bucket opens on the Monday 00:00 UTC at or before the time', () => {
    expect(bucketStart(at('2026-05-01T12:30:15Z'), '1w')).toBe(at('2026-04-27T00:00:00Z'));
    expect(bucketStart(at('2026-04-27T00:00:00Z'), '1w')).toBe(at('2026-04-27T00:00:00Z'));
    expect(bucketStart(at('2026-04-26T23:59:59.999Z'), '1w')).toBe(at('2026-04-20T00:00:00Z'));
    // Binance's first BTCUSDT weekly kline opens Monday 2017-08-14.
    expect(bucketStart(at('2017-08-17T04:00:00Z'), '1w')).toBe(at('2017-08-14T00:00:00Z'));
    for (let t = at('2024-01-01T00:00:00Z'); t < at('2024-03-01T00:00:00Z'); t += 7 * 3_600_000) {
      const start = bucketStart(t, '1w');
      expect(new Date(start).getUTCDay(), new Date(t).toISOString()).toBe(1);
      expect(start <= t && t < start + INTERVAL_MS['1w']).toBe(true);
    }
  });

  it('when the interval is shorter, then buckets are whole multiples of its length from the epoch', () => {
    expect(bucketStart(at('2026-05-01T12:31:15Z'), '3m')).toBe(at('2026-05-01T12:30:00Z'));
    expect(bucketStart(at('2026-05-01T12:59:59Z'), '30m')).toBe(at('2026-05-01T12:30:00Z'));
    expect(bucketStart(at('2026-05-01T03:59:59Z'), '4h')).toBe(at('2026-05-01T00:00:00Z'));
    for (const interval of Intervals.filter((i) => i !== '1w')) {
      expect(bucketStart(at('2026-05-01T12:34:56Z'), interval) % INTERVAL_MS[interval], interval).toBe(0);
    }
  });
});
