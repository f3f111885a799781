/**
 * Recomputes every roll-up bucket (5m … 1d) over a window from the stored 1m rows, so a
 * minute that reached the database after its bucket was rolled up (a late feed, a backfill
 * by another process) is counted. Idempotent: the same 1m rows give the same buckets.
 */
import type { DbPort } from '../../../ports/db/db-port.js';
import { INTERVAL_MS, rollUp } from '../repository.js';

export async function refreshRollups(db: DbPort, symbols: readonly string[], from: number, to: number): Promise<{ symbols: number; from: number; to: number }> {
  const minute = INTERVAL_MS['1m'];
  const spans = symbols.map((symbol) => ({ symbol, from: Math.floor(from / minute) * minute, to: Math.ceil(to / minute) * minute - minute }));
  if (spans.length > 0 && spans[0]!.to >= spans[0]!.from) await rollUp(db.db, spans);
  return { symbols: symbols.length, from, to };
}
