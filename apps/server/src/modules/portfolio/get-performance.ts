/**
 * GET /api/portfolio/performance: the current run's equity curve in the range (the minute
 * snapshots, then the value right now) and its metrics. Every run's curve starts with the
 * initial balance at its first minute (sign-up or reset).
 */
import { and, asc, eq, gte, type SQL } from 'drizzle-orm';
import type { PerformanceRange, PerformanceResponse } from '@cryptosim/contracts';
import { dec } from '@cryptosim/trading-rules';
import { equitySnapshots, fills, users } from '../../db/schema.js';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { Database } from '../../ports/db/db-port.js';
import { cachedAccountSnapshot } from './account-snapshot.js';
import { computePerformance, downsample, rangeStart, toPerformanceResponse, type TradeSample } from './domain/compute-performance.js';
import type { EquitySample } from './domain/equity-metrics.js';
import { MINUTE_MS } from './equity-snapshots.js';
import { valuePortfolio } from './value-portfolio.js';

/** Enough points for a chart; the metrics use every sample. */
export const MAX_CHART_POINTS = 500;

export async function getPerformance(db: Database, cache: CachePort, userId: number, range: PerformanceRange, now = Date.now()): Promise<PerformanceResponse> {
  const account = await cachedAccountSnapshot(db, cache, userId);
  const current = await valuePortfolio(cache, account, now);
  const start = rangeStart(range, now);
  const since = (column: typeof equitySnapshots.time | typeof fills.createdAt): SQL[] => (start === null ? [] : [gte(column, new Date(start))]);

  const [snapshots, fillRows, [user]] = await Promise.all([
    db
      .select({ time: equitySnapshots.time, value: equitySnapshots.value })
      .from(equitySnapshots)
      .where(and(eq(equitySnapshots.userId, userId), eq(equitySnapshots.run, account.run), ...since(equitySnapshots.time)))
      .orderBy(asc(equitySnapshots.time)),
    db
      .select({ time: fills.createdAt, side: fills.type, realizedPnl: fills.realizedPnl, fee: fills.fee })
      .from(fills)
      .where(and(eq(fills.userId, userId), eq(fills.run, account.run), ...since(fills.createdAt)))
      .orderBy(asc(fills.id)),
    db.select({ createdAt: users.createdAt }).from(users).where(eq(users.id, userId)),
  ]);

  const curve: EquitySample[] = snapshots.map((s) => ({ time: s.time.getTime(), value: dec(s.value) }));
  // Snapshots are per minute, and a run's first minute is its initial balance: a reset writes
  // that point itself; for the first run it is the sign-up minute.
  const signUpMinute = user ? Math.floor(user.createdAt.getTime() / MINUTE_MS) * MINUTE_MS : undefined;
  if (account.run === 1 && signUpMinute !== undefined && (start === null || signUpMinute >= start)) {
    if (curve[0]?.time === signUpMinute) curve.shift();
    if ((curve[0]?.time ?? Infinity) > signUpMinute) curve.unshift({ time: signUpMinute, value: account.initialBalance });
  }
  if ((curve.at(-1)?.time ?? -Infinity) < now) curve.push({ time: now, value: dec(current.totalValue) });
  const trades: TradeSample[] = fillRows.map((f) => ({ time: f.time.getTime(), side: f.side, realizedPnl: f.realizedPnl === null ? null : dec(f.realizedPnl), fee: dec(f.fee) }));
  return toPerformanceResponse(downsample(curve, MAX_CHART_POINTS), computePerformance(curve, trades));
}
