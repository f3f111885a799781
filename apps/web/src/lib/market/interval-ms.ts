import type { Interval } from '@cryptosim/contracts';

const MINUTE = 60_000;
export const INTERVAL_MS: Record<Interval, number> = {
  '1m': MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '1h': 60 * MINUTE,
  '4h': 240 * MINUTE,
  '1d': 1_440 * MINUTE,
};

/** Candles align to UTC epoch multiples, as Binance's do (so 4h opens at 00, 04, … UTC). */
export function bucketStart(time: number, interval: Interval): number {
  const size = INTERVAL_MS[interval];
  return Math.floor(time / size) * size;
}
