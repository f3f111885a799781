/**
 * Whether a prediction's latest closed bar is too old to be "now": with a live or simulated
 * market (both run on the wall clock) a bar closes every interval, so a latest closed bar more
 * than STALE_AFTER_BARS intervals old means candles stopped arriving (Binance unreachable, the
 * feed down). A replay's candles carry the recorded file's times, so its bars are never judged
 * by the wall clock.
 */
import type { MarketSourceImpl } from '../../../ports/market/market-source.js';

export const STALE_AFTER_BARS = 3;

/** How many intervals before `now` the bar closed. */
export function barAgeInBars(barCloseTime: number, intervalMs: number, now: number): number {
  return (now - barCloseTime) / intervalMs;
}

export function isStale(barCloseTime: number, intervalMs: number, now: number): boolean {
  return barAgeInBars(barCloseTime, intervalMs, now) > STALE_AFTER_BARS;
}

/** Only a market on the wall clock can be judged stale by it. */
export function runsOnWallClock(impl: MarketSourceImpl): boolean {
  return impl !== 'replay';
}
