/**
 * A cancel-replace racing a matcher fill or a cancel of the same order, on both backends (on
 * PostgreSQL the two really run at once on separate connections). Whoever wins, the account
 * ends consistent: at most one live order of the pair, and the reserved cash is exactly what
 * the live orders hold.
 */
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { ReplaceOrderResponse } from '@cryptosim/contracts';
import { dec } from '@cryptosim/trading-rules';
import { OPEN_ORDER_STATUSES, fills, orders, users } from '../../db/schema.js';
import { moduleContext } from '../../app/module-context.js';
import { silent, testAppForSuite, testBackends } from '../../testing/test-app.js';
import { snapshotOf } from './live-market.js';
import { settleCrossedOrder } from './matcher/settle-crossed-order.js';
import { newTrader, order, placed, TRADING_MODULES, type Trader } from './testing/trading-clients.js';
import { tradingDepsOf } from './trading-deps-of.js';

/** Both at once (the real race), or one of them to its end first, so every outcome is exercised whatever the timing. */
async function both<A, B>(a: () => Promise<A>, b: () => Promise<B>, i: number): Promise<[A, B]> {
  if (i % 4 === 1) {
    const second = await b();
    return [await a(), second];
  }
  if (i % 4 === 3) {
    const first = await a();
    return [first, await b()];
  }
  return Promise.all([a(), b()]);
}

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`replace racing a fill or a cancel on ${backend.name}`, () => {
    const t = testAppForSuite({ on: backend, modules: TRADING_MODULES, prices: { BTCUSDT: '50000' } });
    const deps = () => tradingDepsOf(moduleContext({ config: t.config, ports: t.ports, logger: silent }));
    const db = () => t.storage.db.db;

    const replace = (me: Trader, id: number, price: string) =>
      t.app.inject({ method: 'POST', url: `/api/trading/orders/${id}/replace`, headers: me.headers, payload: { price } });

    /** The user's open orders, and whether the reserved cash is exactly what they hold. */
    async function accountState(me: Trader) {
      const open = await db().select().from(orders).where(and(eq(orders.userId, me.id), inArray(orders.status, [...OPEN_ORDER_STATUSES])));
      const [user] = await db().select().from(users).where(eq(users.id, me.id));
      const held = open.reduce((sum, o) => sum.plus(dec(o.reservedAmount)), dec('0'));
      return { open, reservedMatches: dec(user!.reservedBalance).eq(held) };
    }

    it('when a replace races a matcher fill of the old order, then either the fill wins (409 ORDER_NOT_OPEN, nothing live) or the replace does (one live order, the old one never filled)', async () => {
      const me = await newTrader(t.app);
      const outcomes = { replaced: 0, filled: 0 };
      for (let i = 0; i < 24; i++) {
        const { order: old } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '49000' }));
        const [res, fill] = await both(
          () => replace(me, old.id, '48500'),
          () => settleCrossedOrder(deps(), old.id, me.id, snapshotOf('48000', '1000000')),
          i,
        );
        const oldFills = await db().select().from(fills).where(eq(fills.orderId, old.id));
        const state = await accountState(me);
        if (res.statusCode === 200) {
          const { order: created } = res.json() as ReplaceOrderResponse;
          expect([fill.kind, oldFills.length, state.open.map((o) => o.id)], `iteration ${i}`).toEqual(['skipped', 0, [created.id]]);
          outcomes.replaced += 1;
          // Clear the book for the next iteration.
          await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${created.id}`, headers: me.headers });
        } else {
          expect([res.statusCode, (res.json() as { code: string }).code, fill.kind, oldFills.length, state.open], `iteration ${i}`).toEqual([409, 'ORDER_NOT_OPEN', 'filled', 1, []]);
          outcomes.filled += 1;
        }
        expect(state.reservedMatches, `iteration ${i}: reserved cash is what the live orders hold`).toBe(true);
      }
      expect(outcomes.replaced, 'replaces won some races').toBeGreaterThan(0);
      expect(outcomes.filled, 'fills won some races').toBeGreaterThan(0);
    });

    it('when a replace races a cancel of the old order, then exactly one of them succeeds and at most the new order is live', async () => {
      const me = await newTrader(t.app);
      const outcomes = { replaced: 0, canceled: 0 };
      for (let i = 0; i < 24; i++) {
        const { order: old } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.01', price: '49000' }));
        const [res, cancel] = await both(
          () => replace(me, old.id, '48500'),
          () => t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${old.id}`, headers: me.headers }),
          i,
        );
        const state = await accountState(me);
        expect([res.statusCode, cancel.statusCode].sort(), `iteration ${i}: exactly one wins`).toEqual([200, 409]);
        if (res.statusCode === 200) {
          const { order: created } = res.json() as ReplaceOrderResponse;
          expect([(cancel.json() as { code: string }).code, state.open.map((o) => o.id)], `iteration ${i}`).toEqual(['ORDER_NOT_CANCELABLE', [created.id]]);
          outcomes.replaced += 1;
          await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${created.id}`, headers: me.headers });
        } else {
          expect([(res.json() as { code: string }).code, state.open], `iteration ${i}`).toEqual(['ORDER_NOT_OPEN', []]);
          outcomes.canceled += 1;
        }
        expect(state.reservedMatches, `iteration ${i}: reserved cash is what the live orders hold`).toBe(true);
      }
      expect(outcomes.replaced).toBeGreaterThan(0);
      expect(outcomes.canceled).toBeGreaterThan(0);
    });
  });
}
