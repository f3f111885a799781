/**
 * One evaluator: the armed alerts in memory (AlertIndex), fed every market tick. It starts
 * by subscribing to alert changes and then loading the armed alerts from the database, so it
 * survives restarts with nothing but the database, and misses no change made while loading
 * (a change and the loaded row meet in the index, the newer revision wins).
 */
import type { TickEventV1 } from '@cryptosim/contracts';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { priceAlerts } from '../../../db/schema.js';
import type { BusMessage } from '../../../ports/bus/bus-port.js';
import type { CachePort, Unsubscribe } from '../../../ports/cache/cache-port.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { parseTick } from '../../market/index.js';
import { ALERT_CHANGES_CHANNEL, announceAlertChange, listenLocally, parseAlertChange, type AlertChange } from '../alert-changes.js';
import { toIndexed } from '../alert-view.js';
import { AlertIndex, type IndexedAlert } from './alert-index.js';
import { fireAlert } from './fire-alert.js';

export interface AlertEvaluatorDeps {
  db: DbPort;
  cache: CachePort;
  logger: Logger;
}

export interface AlertEvaluator {
  readonly index: AlertIndex;
  /** The bus handler for market.ticks. */
  handle(messages: BusMessage[]): Promise<void>;
  /** One tick, for tests and the benchmark. */
  tick(tick: Pick<TickEventV1, 'symbol' | 'price' | 'eventTime'>): Promise<number>;
  stop(): Promise<void>;
}

export async function startAlertEvaluator(deps: AlertEvaluatorDeps): Promise<AlertEvaluator> {
  const index = new AlertIndex();
  const apply = (change: AlertChange) => {
    if (change.op === 'armed') index.upsert(change.alert);
    else index.remove(change.id, change.revision);
  };
  const unlisten = listenLocally(deps.db, { apply });
  let unsubscribe: Unsubscribe | undefined;
  try {
    unsubscribe = await deps.cache.subscribe(ALERT_CHANGES_CHANNEL, (message) => {
      const change = parseAlertChange(message);
      if (change) apply(change);
    });
    const armed = await deps.db.db.select().from(priceAlerts).where(eq(priceAlerts.status, 'ACTIVE'));
    for (const row of armed) index.upsert(toIndexed(row));
  } catch (err) {
    unlisten();
    await unsubscribe?.();
    throw err;
  }

  async function fire(candidates: IndexedAlert[], price: string): Promise<number> {
    let fired = 0;
    for (const [i, alert] of candidates.entries()) {
      try {
        if (await fireAlert({ db: deps.db.db, cache: deps.cache, logger: deps.logger }, alert, price)) {
          fired++;
          // Other evaluators drop it now rather than at their own (refused) attempt.
          await announceAlertChange(deps, { op: 'removed', id: alert.id, revision: alert.revision });
        }
      } catch (err) {
        // Not decided: back into the index, and the batch fails so the bus redelivers it.
        for (const rest of candidates.slice(i)) index.restore(rest);
        throw err;
      }
    }
    return fired;
  }

  async function tick(t: Pick<TickEventV1, 'symbol' | 'price' | 'eventTime'>): Promise<number> {
    const candidates = index.tick(t.symbol, t.price, t.eventTime);
    return candidates.length === 0 ? 0 : fire(candidates, t.price);
  }

  return {
    index,
    tick,
    async handle(messages) {
      for (const message of messages) {
        // The key is the symbol: a tick of a symbol nobody watches is not even parsed.
        if (!index.watches(message.key)) continue;
        const parsed = parseTick(message.value);
        if (!parsed.ok) continue;
        await tick(parsed.event);
      }
    },
    async stop() {
      unlisten();
      await unsubscribe?.();
    },
  };
}
