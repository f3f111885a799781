/**
 * Batches against a real database, PGlite always and PostgreSQL + Redis when they run: the
 * placements go through placeOrder and a batcher with one slot, so everything placed in one
 * event-loop turn is one batch (the sizes are checked), and the effects are read back.
 */
import { and, eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlaceOrderRequest } from '@cryptosim/contracts';
import { pgErrorOf } from '../../../ports/db/pg-error.js';
import { orders, positions, fills, users } from '../../../db/schema.js';
import { moduleContext } from '../../../app/module-context.js';
import type { OrderSide } from '../domain/order-model.js';
import { placeOrder } from '../place-order.js';
import { startTestApp, testBackends, type TestApp, type TestStorage } from '../../../testing/test-app.js';
import { newTrader, type Trader, TRADING_MODULES } from '../testing/trading-clients.js';
import type { TradingDeps } from '../trading-deps.js';
import { tradingDepsOf } from '../trading-deps-of.js';
import { OrderBatcher } from './order-batcher.js';
import type { PlacedOrder } from './placement.js';
import { runBatch } from './run-batch.js';

type Request = [trader: Trader, side: OrderSide, body: PlaceOrderRequest];

/** What a placement came to: the order, or the error's code (AppError or SQLSTATE). */
type Answer = { created: boolean; id: number; status: string } | { error: string };

const answerOf = (settled: PromiseSettledResult<PlacedOrder>): Answer => {
  if (settled.status === 'fulfilled') return { created: settled.value.created, id: settled.value.order.id, status: settled.value.order.status };
  const err = settled.reason as { code?: string; message?: string };
  return { error: pgErrorOf(err)?.code ?? err.code ?? String(err.message) };
};

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`order batches on ${backend.name}`, () => {
    let storage: TestStorage;
    let t: TestApp;
    const logs: Array<{ level: number; msg: string }> = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void logs.push(JSON.parse(line) as { level: number; msg: string }) });
    let deps: TradingDeps;

    beforeAll(async () => {
      storage = await backend.open();
      t = await startTestApp({ on: storage, modules: TRADING_MODULES, prices: { BTCUSDT: '50000', ETHUSDT: '2000' } });
      deps = tradingDepsOf(moduleContext({ config: t.config, ports: t.ports, logger }));
    }, 60_000);

    afterAll(async () => {
      await t?.close();
      await storage?.close();
    });

    const db = () => storage.db.db;

    /** Places the requests in one turn through a one-slot batcher; returns the answers and the batch sizes. */
    async function placeTogether(requests: Request[], on: TradingDeps = deps): Promise<{ answers: Answer[]; sizes: number[] }> {
      const sizes: number[] = [];
      const batcher = new OrderBatcher(
        async (batch) => {
          sizes.push(batch.length);
          await runBatch(on, batch);
        },
        { maxInFlight: 1, maxBatch: 128 },
      );
      const settled = await Promise.allSettled(requests.map(([trader, side, body]) => placeOrder(on, batcher, trader.id, side, body)));
      return { answers: settled.map(answerOf), sizes };
    }

    const cashOf = async (trader: Trader) => (await db().select().from(users).where(eq(users.id, trader.id)))[0]!;
    const positionOf = async (trader: Trader, symbol: string) =>
      (await db().select().from(positions).where(and(eq(positions.userId, trader.id), eq(positions.symbol, symbol))))[0];
    const fillsOf = async (trader: Trader) => db().select().from(fills).where(eq(fills.userId, trader.id));
    const ordersOf = async (trader: Trader) => db().select().from(orders).where(eq(orders.userId, trader.id));

    it('when several users place orders in one batch, then each gets its order, fill, cash and position', async () => {
      const [a, b, c] = [await newTrader(t.app), await newTrader(t.app), await newTrader(t.app)];
      const { answers, sizes } = await placeTogether([
        [a, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' }],
        [b, 'BUY', { symbol: 'ETHUSDT', quantity: '1' }],
        [c, 'BUY', { symbol: 'BTCUSDT', type: 'LIMIT', quantity: '0.1', price: '40000' }],
      ]);
      expect(sizes).toEqual([3]);
      expect(answers).toMatchObject([
        { created: true, status: 'FILLED' },
        { created: true, status: 'FILLED' },
        { created: true, status: 'NEW' },
      ]);
      expect(new Set(answers.map((x) => 'id' in x && x.id)).size, 'three distinct orders').toBe(3);
      expect(Number((await cashOf(a)).balance)).toBe(94995);
      expect(Number((await cashOf(b)).balance)).toBe(97998);
      expect(Number((await cashOf(c)).reservedBalance)).toBe(4004);
      expect(Number((await positionOf(a, 'BTCUSDT'))?.quantity)).toBe(0.1);
      expect(Number((await positionOf(b, 'ETHUSDT'))?.quantity)).toBe(1);
      const [fillA] = await fillsOf(a);
      expect(fillA).toMatchObject({ orderId: (answers[0] as { id: number }).id, type: 'BUY' });
      expect(await fillsOf(c), 'a resting order has no fill').toEqual([]);
    });

    it('when one user sends 30 buys in one batch with cash for 19, then the first 19 fill and the rest are INSUFFICIENT_BALANCE', async () => {
      const me = await newTrader(t.app);
      const { answers, sizes } = await placeTogether(Array.from({ length: 30 }, (): Request => [me, 'BUY', { symbol: 'BTCUSDT', quantity: '0.1' }]));
      expect(sizes).toEqual([30]);
      expect(answers.slice(0, 19).every((x) => 'created' in x && x.created)).toBe(true);
      expect(answers.slice(19)).toEqual(Array(11).fill({ error: 'INSUFFICIENT_BALANCE' }));
      expect(Number((await cashOf(me)).balance)).toBe(100000 - 19 * 5005);
      expect(Number((await positionOf(me, 'BTCUSDT'))?.quantity)).toBe(1.9);
      expect(await fillsOf(me)).toHaveLength(19);
    });

    it('when one placement of a batch breaks a rule or has no price, then only it fails and the others commit', async () => {
      const [a, b] = [await newTrader(t.app), await newTrader(t.app)];
      const { answers, sizes } = await placeTogether([
        [a, 'BUY', { symbol: 'BTCUSDT', quantity: '0.01' }],
        [b, 'BUY', { symbol: 'BTCUSDT', quantity: '0.000015' }],
        [b, 'BUY', { symbol: 'SOLUSDT', quantity: '1' }],
        [b, 'BUY', { symbol: 'BTCUSDT', quantity: '0.02' }],
      ]);
      expect(sizes).toEqual([4]);
      expect(answers).toMatchObject([{ created: true }, { error: 'LOT_SIZE' }, { error: 'NO_PRICE' }, { created: true }]);
      expect((await ordersOf(b)).map((o) => o.quantity && Number(o.quantity))).toEqual([0.02]);
    });

    it('when a clientOrderId repeats inside a batch and in a later batch, then one order is made and the repeats name it', async () => {
      const me = await newTrader(t.app);
      const body = { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'batched-twice' };
      const first = await placeTogether([
        [me, 'BUY', body],
        [me, 'BUY', body],
        [me, 'BUY', { ...body, quantity: '0.02' }],
      ]);
      expect(first.sizes).toEqual([3]);
      const id = (first.answers[0] as { id: number }).id;
      expect(first.answers).toEqual([
        { created: true, id, status: 'FILLED' },
        { created: false, id, status: 'FILLED' },
        { error: 'DUPLICATE_CLIENT_ORDER_ID' },
      ]);
      const again = await placeTogether([
        [me, 'BUY', body],
        [me, 'SELL', { ...body, quantity: '0.01' }],
      ]);
      expect(again.answers).toEqual([{ created: false, id, status: 'FILLED' }, { error: 'DUPLICATE_CLIENT_ORDER_ID' }]);
      expect(Number((await positionOf(me, 'BTCUSDT'))?.quantity), 'charged once').toBe(0.01);
      expect(await ordersOf(me)).toHaveLength(1);
    });

    it('when the batch statement fails on one placement, then nothing of it commits and each runs alone: only that one fails', async () => {
      const [a, b, c] = [await newTrader(t.app), await newTrader(t.app), await newTrader(t.app)];
      // A constraint the trading rules know nothing about, so planning accepts the order and only the write fails.
      await db().execute(sql`alter table orders add constraint test_no_poison check (client_order_id <> 'poison')`);
      logs.length = 0;
      try {
        const { answers, sizes } = await placeTogether([
          [a, 'BUY', { symbol: 'BTCUSDT', quantity: '0.02' }],
          [b, 'BUY', { symbol: 'BTCUSDT', quantity: '0.01', clientOrderId: 'poison' }],
          [a, 'SELL', { symbol: 'BTCUSDT', quantity: '0.015' }],
          [c, 'BUY', { symbol: 'ETHUSDT', quantity: '1' }],
        ]);
        expect(sizes, 'one batch; the retries ran inside it').toEqual([4]);
        expect(answers).toMatchObject([{ created: true }, { error: '23514' }, { created: true }, { created: true }]);
        expect(logs.map((l) => l.msg)).toContain('an order batch failed and committed nothing; placing its orders one by one');
      } finally {
        await db().execute(sql`alter table orders drop constraint test_no_poison`);
      }
      expect(Number((await positionOf(a, 'BTCUSDT'))?.quantity), "a's sell ran after a's buy, as they arrived").toBe(0.005);
      expect(await ordersOf(b), 'the failing order left nothing').toEqual([]);
      expect(Number((await cashOf(b)).balance)).toBe(100000);
      expect(Number((await positionOf(c, 'ETHUSDT'))?.quantity)).toBe(1);
    });

    it('when the database cannot be reached, then every placement gets the connection error, as a lone order would', async () => {
      const me = await newTrader(t.app);
      // The batch's one transaction fails to connect, as it would with the database down.
      const unreachable: TradingDeps['dbPort'] = {
        maxConnections: deps.dbPort.maxConnections,
        lockThenWrite: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
      };
      const { answers, sizes } = await placeTogether(
        [
          [me, 'BUY', { symbol: 'BTCUSDT', quantity: '0.01' }],
          [me, 'BUY', { symbol: 'ETHUSDT', quantity: '0.1' }],
        ],
        { ...deps, dbPort: unreachable },
      );
      expect(sizes).toEqual([2]);
      expect(answers).toEqual([{ error: 'connect ECONNREFUSED 127.0.0.1:5432' }, { error: 'connect ECONNREFUSED 127.0.0.1:5432' }]);
      expect(await ordersOf(me)).toEqual([]);
    });
  });
}
