/**
 * The `market-data` DAG (the seed's crypo_data.py) as three steps over the last
 * `lookbackHours` before `until`: backfill the missing 1m candles from the market source,
 * recompute the roll-ups of the window, then check the stored data (gaps, duplicates,
 * repeated candles, impossible rows, outlier moves). The returned report becomes the run's
 * summary; a quality finding does not fail the run (it is what the report is for), a step
 * that cannot run does.
 */
import type { Logger } from 'pino';
import type { DbPort } from '../../../ports/db/db-port.js';
import { backfillHistory, checkCandleQuality, refreshRollups, type HistorySource, type SymbolQuality } from '../../market/index.js';

export const MARKET_DATA_JOB = 'market-data';
const HOUR_MS = 3_600_000;

export interface MarketDataDeps {
  db: DbPort;
  source: HistorySource;
  symbols: readonly string[];
  logger: Logger;
  lookbackHours: number;
  /** Shutdown: stops the run between symbols and steps (it then fails and is retried later). */
  signal?: AbortSignal;
}

export interface MarketDataReport {
  window: { from: string; to: string };
  backfill: { gaps: number; inserted: number; bySymbol: Array<{ symbol: string; gaps: number; inserted: number }> };
  rollups: { symbols: number };
  quality: {
    ok: boolean;
    /** Symbols with at least one finding, by interval. */
    flagged: Array<{ symbol: string; interval: string; missing: number; duplicates: number; repeated: number; invalid: number; outliers: number }>;
    bySymbol: SymbolQuality[];
  };
}

/** `until` (epoch ms, default now) plays the part of Airflow's logical date: re-running a past window. */
export async function runMarketData(deps: MarketDataDeps, until = Date.now()): Promise<MarketDataReport> {
  const from = until - deps.lookbackHours * HOUR_MS;
  const backfill = await backfillHistory({
    db: deps.db,
    source: deps.source,
    symbols: deps.symbols,
    logger: deps.logger,
    days: deps.lookbackHours / 24,
    now: until,
    ...(deps.signal && { signal: deps.signal }),
  });
  const rollups = await refreshRollups(deps.db, deps.symbols, from, until, deps.signal);
  deps.signal?.throwIfAborted();
  const bySymbol = await checkCandleQuality(deps.db.db, deps.symbols, from, until);
  const flagged = bySymbol.flatMap(({ symbol, intervals }) =>
    Object.entries(intervals)
      .filter(([, r]) => !r.ok)
      .map(([interval, r]) => ({
        symbol,
        interval,
        missing: r.missing,
        duplicates: r.misaligned + r.duplicateOpenTimes,
        repeated: r.repeated,
        invalid: r.invalid,
        outliers: r.outliers,
      })),
  );
  return {
    window: { from: new Date(from).toISOString(), to: new Date(until).toISOString() },
    backfill: {
      gaps: backfill.reduce((n, r) => n + r.gaps, 0),
      inserted: backfill.reduce((n, r) => n + r.inserted, 0),
      bySymbol: backfill.map(({ symbol, gaps, inserted }) => ({ symbol, gaps, inserted })),
    },
    rollups: { symbols: rollups.symbols },
    quality: { ok: flagged.length === 0, flagged, bySymbol },
  };
}

/** The job's data: `{ until?: epoch ms }`; anything else is refused so a typo is not a silent "now". */
export function parseMarketDataInput(data: unknown): number | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'object' && !Array.isArray(data)) {
    const keys = Object.keys(data);
    const until = (data as { until?: unknown }).until;
    if (keys.every((k) => k === 'until') && (until === undefined || (Number.isSafeInteger(until) && (until as number) > 0))) return until as number | undefined;
  }
  throw new Error(`market-data takes { until?: epoch ms }, got ${JSON.stringify(data)}`);
}
