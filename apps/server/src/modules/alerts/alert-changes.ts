/**
 * How evaluators hear of armed, edited and removed alerts. Other processes learn through the
 * cache's pub/sub channel; an evaluator in the same process (embedded, or api+projector
 * roles together) is also told directly and synchronously, so an alert created by a request
 * is indexed before the response is sent and the next tick already sees it (pub/sub alone
 * is asynchronous, and a tick could overtake it).
 */
import type { Logger } from 'pino';
import type { CachePort } from '../../ports/cache/cache-port.js';
import type { DbPort } from '../../ports/db/db-port.js';
import type { IndexedAlert } from './evaluator/alert-index.js';

export const ALERT_CHANGES_CHANNEL = 'alerts.changes';

export type AlertChange = { op: 'armed'; alert: IndexedAlert } | { op: 'removed'; id: string; /** Only up to this revision (a fired one); absent: any. */ revision?: number };

export interface ChangeListener {
  apply(change: AlertChange): void;
}

/** Evaluators running in this process, per database (the key is the process's DbPort). */
const local = new WeakMap<DbPort, Set<ChangeListener>>();

export function listenLocally(db: DbPort, listener: ChangeListener): () => void {
  const set = local.get(db) ?? new Set<ChangeListener>();
  set.add(listener);
  local.set(db, set);
  return () => set.delete(listener);
}

export async function announceAlertChange(deps: { db: DbPort; cache: CachePort; logger: Pick<Logger, 'warn'> }, change: AlertChange): Promise<void> {
  for (const listener of local.get(deps.db) ?? []) listener.apply(change);
  try {
    await deps.cache.publish(ALERT_CHANGES_CHANNEL, JSON.stringify(change));
  } catch (err) {
    // The change is committed; evaluators elsewhere pick it up at their next start.
    deps.logger.warn({ err, change: change.op }, 'alert change could not be published');
  }
}

export function parseAlertChange(message: string): AlertChange | null {
  try {
    const change = JSON.parse(message) as AlertChange;
    if (change.op === 'armed' && typeof change.alert?.id === 'string') return change;
    if (change.op === 'removed' && typeof change.id === 'string') return change;
  } catch {
    // fall through
  }
  return null;
}
