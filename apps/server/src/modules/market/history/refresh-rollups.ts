/**
 * Recomputes every roll-up bucket (5m … 1d) over a window from the stored 1m rows, so a
 * minute that reached the database after its bucket was rolled up (a late feed, a backfill
 * by another process) is counted. Idempotent: the same 1m rows give the same buckets.
 * One statement per symbol: on embedded PGlite a statement holds the event loop, so several
 * short ones let requests through between them where one long one would not.
 */
import type { DbPort } from '../../../ports/db/db-port.js';
import { INTERVAL_MS, rollUp } from '../repository.js';

export async function refreshRollups(
  db: DbPort,
  symbols: readonly string[],
  from: number,
  to: number,
  signal?: AbortSignal,
): Promise<{ symbols: number; from: number; to: number }> {
  const minute = INTERVAL_MS['1m'];
  const first = Math.floor(from / minute) * minute;
  const last = Math.ceil(to / minute) * minute - minute;
  if (last >= first) {
    for (const symbol of symbols) {
      signal?.throwIfAborted();
      await rollUp(db.db, [{ symbol, from: first, to: last }]);
    }
  }
  return { symbols: symbols.length, from, to };
}
