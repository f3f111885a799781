/**
 * One batch of placements as one transaction (lock-then-write.ts: two round trips and one
 * commit on PostgreSQL, however many orders), then each placement's answer and, per user,
 * the live events, after the commit as for a single order.
 *
 * When the transaction fails for any reason the rules did not foresee (a constraint, a
 * serialization failure, a lost connection), nothing of it committed: its placements are run
 * again one per transaction, so the failure reaches only the placement that causes it, with
 * the same error it would have had alone. A user's placements stay in arrival order; users
 * run side by side.
 */
import { isUniqueViolation } from '../../../ports/db/pg-error.js';
import type { MarketSnapshot } from '../domain/order-model.js';
import { liveMarket } from '../live-market.js';
import { toOrderView, toTransactionView, type OrderRow } from '../order-view.js';
import { publishOrderChanges } from '../publish-order-changes.js';
import type { TradingDeps } from '../trading-deps.js';
import { accountsFrom, existingClientOrderIdsStatement, existingKeysFrom, liveApiKeysStatement, liveKeysFrom, lockUsersStatement, readAccountsStatement } from './batch-reads.js';
import { batchWriteStatement, returnedByKey, writtenOrderFrom, type WrittenOrder } from './batch-write.js';
import { planBatch, type BatchPlan } from './plan-batch.js';
import type { QueuedPlacement } from './placement.js';
import { repeatOf, repeatOfStored } from './repeat-answer.js';

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/** The items grouped by user, each group in arrival order. */
function byUserOf<T>(items: readonly T[], userOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const userId = userOf(item);
    const group = groups.get(userId);
    if (group) group.push(item);
    else groups.set(userId, [item]);
  }
  return groups;
}

async function marketsOf(deps: TradingDeps, batch: readonly QueuedPlacement[]): Promise<Map<string, MarketSnapshot | Error>> {
  const symbols = [...new Set(batch.map((p) => p.body.symbol))];
  return new Map(await Promise.all(symbols.map(async (s) => [s, await liveMarket(deps.cache, s).catch(asError)] as const)));
}

/** The transaction: lock and read, plan, write and commit. Throws when it did not commit. */
async function commitBatch(deps: TradingDeps, batch: readonly QueuedPlacement[]): Promise<{ plan: BatchPlan; returned: Map<string, unknown> }> {
  const markets = await marketsOf(deps, batch);
  const userIds = [...new Set(batch.map((p) => p.userId))].sort((a, b) => a - b);
  const keys = batch.filter((p) => p.clientSent).map((p) => ({ userId: p.userId, clientOrderId: p.clientOrderId }));
  const apiKeyIds = [...new Set(batch.flatMap((p) => p.apiKeyId ?? []))].sort();
  const reads = [lockUsersStatement(userIds), readAccountsStatement(userIds)];
  const existingAt = keys.length > 0 ? reads.push(existingClientOrderIdsStatement(keys)) - 1 : -1;
  const liveKeysAt = apiKeyIds.length > 0 ? reads.push(liveApiKeysStatement(apiKeyIds)) - 1 : -1;
  return deps.dbPort.lockThenWrite(reads, (_, everyRead) => {
    const plan = planBatch({
      placements: batch,
      accounts: accountsFrom(everyRead[1]!),
      existing: existingAt >= 0 ? existingKeysFrom(everyRead[existingAt]!) : new Set(),
      liveApiKeys: liveKeysAt >= 0 ? liveKeysFrom(everyRead[liveKeysAt]!) : new Set(),
      markets,
      config: deps.config,
    });
    return { write: batchWriteStatement(plan), done: (rows: unknown[]) => ({ plan, returned: returnedByKey(rows) }) };
  });
}

/** After the commit: every placement's answer, the events of each user that has a new order. */
async function answer(deps: TradingDeps, batch: readonly QueuedPlacement[], plan: BatchPlan, returned: Map<string, unknown>): Promise<void> {
  const written = new Map<number, WrittenOrder>();
  plan.outcomes.forEach((o, i) => {
    if (o.kind === 'write') written.set(i, writtenOrderFrom(o.write, returned));
  });
  const byUser = byUserOf(
    batch.map((_, i) => i),
    (i) => batch[i]!.userId,
  );
  await Promise.all(
    [...byUser].map(async ([userId, indexes]) => {
      const orders: OrderRow[] = indexes.flatMap((i) => written.get(i)?.order ?? []);
      if (orders.length > 0) await publishOrderChanges(deps, userId, orders, plan.accounts.get(userId)!);
      await Promise.all(indexes.map((i) => settle(deps, batch[i]!, plan, written, i)));
    }),
  );
}

async function settle(deps: TradingDeps, p: QueuedPlacement, plan: BatchPlan, written: Map<number, WrittenOrder>, i: number): Promise<void> {
  const outcome = plan.outcomes[i]!;
  try {
    switch (outcome.kind) {
      case 'write': {
        const { order, fill } = written.get(i)!;
        return p.resolve({ created: true, order: toOrderView(order), fills: fill ? [toTransactionView(fill)] : [] });
      }
      case 'failed':
        return p.reject(outcome.error);
      case 'repeat-in-batch': {
        const first = written.get(outcome.first)!;
        return p.resolve(repeatOf(p, first.order, first.fill ? [first.fill] : []));
      }
      case 'repeat': {
        // Committed before this batch began, so it is read without any lock.
        const placed = await repeatOfStored(deps, p);
        return placed ? p.resolve(placed) : p.reject(new Error(`order ${p.clientOrderId} of user ${p.userId} was found, then was not`));
      }
    }
  } catch (err) {
    p.reject(err);
  }
}

/** A placement that failed alone: a racing first attempt of its clientOrderId (the unique key's backstop) answers it. */
async function failedAlone(deps: TradingDeps, p: QueuedPlacement, err: unknown): Promise<void> {
  if (!isUniqueViolation(err, 'orders_user_client_order_id_key')) return p.reject(err);
  try {
    const first = await repeatOfStored(deps, p);
    return first ? p.resolve(first) : p.reject(err);
  } catch (e) {
    return p.reject(e);
  }
}

async function oneByOne(deps: TradingDeps, batch: readonly QueuedPlacement[]): Promise<void> {
  await Promise.all(
    [...byUserOf(batch, (p) => p.userId).values()].map(async (placements) => {
      for (const p of placements) await runBatch(deps, [p]);
    }),
  );
}

/** Settles every placement of the batch; never rejects. */
export async function runBatch(deps: TradingDeps, batch: readonly QueuedPlacement[]): Promise<void> {
  let committed;
  try {
    committed = await commitBatch(deps, batch);
  } catch (err) {
    if (batch.length === 1) return failedAlone(deps, batch[0]!, err);
    deps.logger.warn({ err, orders: batch.length }, 'an order batch failed and committed nothing; placing its orders one by one');
    return oneByOne(deps, batch);
  }
  try {
    await answer(deps, batch, committed.plan, committed.returned);
  } catch (err) {
    // Committed, so never run again; settle whatever is still waiting (a settled answer ignores this).
    deps.logger.error({ err, orders: batch.length }, 'an order batch committed but its answers could not be built');
    for (const p of batch) p.reject(asError(err));
  }
}
