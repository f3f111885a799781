import type { HistoryResponse, Interval } from '@cryptosim/contracts';
import { AppError } from '../../kernel/app-error.js';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { Executor } from './repository.js';
import { findCandles } from './repository.js';
import { klineFromHash, liveKlineKey } from './projector/cache-layout.js';
import { mergeLiveCandle } from './merge-live-candle.js';

export interface HistoryRequest {
  symbol: string;
  interval: Interval;
  limit: number;
  startTime?: number | undefined;
  endTime?: number | undefined;
}

/** Stored candles of one symbol and interval, oldest first, with the live one for the current bucket. */
export async function getHistory(db: Executor, cache: CachePort, request: HistoryRequest): Promise<HistoryResponse> {
  const { symbol, interval, startTime, endTime } = request;
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new AppError('VALIDATION_FAILED', 400, 'startTime must not be after endTime', [
      { path: 'querystring/startTime', message: `must be <= endTime (${endTime})` },
    ]);
  }
  const [stored, liveHash] = await Promise.all([
    findCandles(db, symbol, interval, request),
    cache.hgetall(liveKlineKey(symbol)),
  ]);
  return { symbol, interval, candles: mergeLiveCandle(stored, klineFromHash(liveHash), interval, request) };
}
