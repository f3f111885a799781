/**
 * Creating, listing, editing (re-arming) and deleting a user's own alerts. Each committed
 * change is announced to the evaluators (alert-changes.ts).
 */
import { type Alert, type AlertsResponse, type CreateAlertRequest, MAX_ACTIVE_ALERTS_PER_USER, type UpdateAlertRequest } from '@cryptosim/contracts';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { priceAlerts } from '../../db/schema.js';
import { AppError } from '../../kernel/app-error.js';
import { readTicker } from '../market/index.js';
import { announceAlertChange } from './alert-changes.js';
import { alertParameters, assertNotMetAlready } from './alert-rules.js';
import { toAlertView, toIndexed, type AlertRow } from './alert-view.js';
import type { AlertsDeps } from './alerts-deps.js';

const notFound = () => new AppError('NOT_FOUND', 404, 'No such alert.');

async function livePrice(deps: AlertsDeps, symbol: string): Promise<string | null> {
  return (await readTicker(deps.cache, symbol))?.price ?? null;
}

export async function createAlert(deps: AlertsDeps, userId: number, body: CreateAlertRequest): Promise<Alert> {
  if (!deps.symbols.get(body.symbol)) throw new AppError('UNKNOWN_SYMBOL', 404, `Unknown symbol ${body.symbol}`);
  const params = alertParameters(body.condition, body);
  assertNotMetAlready(body.condition, params.price, await livePrice(deps, body.symbol));
  const row = await deps.db.db.transaction(async (tx) => {
    // The user's row lock serialises one user's creations, so the limit holds under concurrency.
    await tx.execute(sql`select id from users where id = ${userId} for update`);
    const [active] = await tx
      .select({ n: count() })
      .from(priceAlerts)
      .where(and(eq(priceAlerts.userId, userId), eq(priceAlerts.status, 'ACTIVE')));
    if ((active?.n ?? 0) >= MAX_ACTIVE_ALERTS_PER_USER) {
      throw new AppError('ALERT_LIMIT_REACHED', 409, `At most ${MAX_ACTIVE_ALERTS_PER_USER} alerts can be active at once; delete one or wait for one to fire.`);
    }
    const [inserted] = await tx
      .insert(priceAlerts)
      .values({ userId, symbol: body.symbol, condition: body.condition, ...params, note: body.note ?? '' })
      .returning();
    return inserted!;
  });
  await announceAlertChange(deps, { op: 'armed', alert: toIndexed(row) });
  return toAlertView(row);
}

export async function listAlerts(deps: AlertsDeps, userId: number): Promise<AlertsResponse> {
  const rows = await deps.db.db.select().from(priceAlerts).where(eq(priceAlerts.userId, userId)).orderBy(desc(priceAlerts.createdAt), desc(priceAlerts.id));
  return { alerts: rows.map(toAlertView) };
}

async function ownAlert(deps: AlertsDeps, userId: number, id: string): Promise<AlertRow> {
  const [row] = await deps.db.db.select().from(priceAlerts).where(and(eq(priceAlerts.id, id), eq(priceAlerts.userId, userId)));
  if (!row) throw notFound();
  return row;
}

/** Applies the edits and arms the alert again (a new revision), within the active limit. */
export async function updateAlert(deps: AlertsDeps, userId: number, id: string, body: UpdateAlertRequest): Promise<Alert> {
  const current = await ownAlert(deps, userId, id);
  const params = alertParameters(current.condition, {
    price: body.price ?? current.price,
    percent: body.percent ?? current.percent,
    windowMinutes: body.windowMinutes ?? current.windowMinutes,
  });
  assertNotMetAlready(current.condition, params.price, await livePrice(deps, current.symbol));
  const row = await deps.db.db.transaction(async (tx) => {
    await tx.execute(sql`select id from users where id = ${userId} for update`);
    if (current.status !== 'ACTIVE') {
      const [active] = await tx
        .select({ n: count() })
        .from(priceAlerts)
        .where(and(eq(priceAlerts.userId, userId), eq(priceAlerts.status, 'ACTIVE')));
      if ((active?.n ?? 0) >= MAX_ACTIVE_ALERTS_PER_USER) {
        throw new AppError('ALERT_LIMIT_REACHED', 409, `At most ${MAX_ACTIVE_ALERTS_PER_USER} alerts can be active at once; delete one before re-arming this one.`);
      }
    }
    const [updated] = await tx
      .update(priceAlerts)
      .set({
        ...params,
        ...(body.note !== undefined && { note: body.note }),
        status: 'ACTIVE',
        triggeredAt: null,
        triggeredPrice: null,
        revision: sql`${priceAlerts.revision} + 1`,
      })
      .where(and(eq(priceAlerts.id, id), eq(priceAlerts.userId, userId)))
      .returning();
    return updated;
  });
  if (!row) throw notFound();
  await announceAlertChange(deps, { op: 'armed', alert: toIndexed(row) });
  return toAlertView(row);
}

export async function deleteAlert(deps: AlertsDeps, userId: number, id: string): Promise<void> {
  const deleted = await deps.db.db.delete(priceAlerts).where(and(eq(priceAlerts.id, id), eq(priceAlerts.userId, userId))).returning({ id: priceAlerts.id });
  if (deleted.length === 0) throw notFound();
  await announceAlertChange(deps, { op: 'removed', id });
}
