import type { Candle, Interval, KlineData } from '@cryptosim/contracts';
import { addDecimals } from '@/lib/decimal/add-decimals';
import { bucketStart } from './interval-ms';

export interface KlineUpdate {
  /** The live 1-minute candle from /ws/prices. */
  kline: KlineData;
  /** Volume this frame adds to the minute since the previous frame for it (exact decimal). */
  volumeDelta: string;
}

const max = (a: string, b: string) => (Number(b) > Number(a) ? b : a);
const min = (a: string, b: string) => (Number(b) < Number(a) ? b : a);

/**
 * Folds a live 1m candle into candles of `interval` (oldest first). The server streams only
 * 1m klines, so longer intervals are rolled up here: high/low widen, close follows, volume
 * grows by what the minute added. A kline older than the last candle is ignored; one that
 * opens a new bucket appends a candle and, when `maxLength` is reached, drops the oldest.
 */
export function mergeKline(candles: readonly Candle[], interval: Interval, update: KlineUpdate, maxLength?: number): Candle[] {
  const { kline, volumeDelta } = update;
  const openTime = bucketStart(kline.openTime, interval);
  const last = candles.at(-1);
  if (last && openTime < last.openTime) return candles as Candle[];
  if (last && openTime === last.openTime) {
    const merged: Candle =
      interval === '1m'
        ? { openTime, open: kline.open, high: kline.high, low: kline.low, close: kline.close, volume: kline.volume }
        : {
            openTime,
            open: last.open,
            high: max(last.high, kline.high),
            low: min(last.low, kline.low),
            close: kline.close,
            volume: addDecimals(last.volume, volumeDelta),
          };
    return [...candles.slice(0, -1), merged];
  }
  const fresh: Candle = { openTime, open: kline.open, high: kline.high, low: kline.low, close: kline.close, volume: kline.volume };
  const appended = [...candles, fresh];
  return maxLength !== undefined && appended.length > maxLength ? appended.slice(appended.length - maxLength) : appended;
}
