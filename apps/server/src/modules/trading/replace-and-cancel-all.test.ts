/**
 * POST /api/trading/orders/:id/replace, DELETE /api/trading/orders and the order list's
 * filters and CSV export, through buildApp + inject on both backends (PGlite + memory, and
 * PostgreSQL + Redis when they run). Slippage is off, so the reservations are exact.
 */
import { describe, expect, it } from 'vitest';
import type { CancelAllOrdersResponse, OrdersResponse, ReplaceOrderResponse } from '@cryptosim/contracts';
import { expectProblem } from '../accounts/testing/clients.js';
import { openSocket } from '../accounts/testing/socket-client.js';
import { testAppForSuite, testBackends } from '../../testing/test-app.js';
import { newTrader, order, orderOf, placed, portfolioOf, type Trader, TRADING_MODULES } from './testing/trading-clients.js';

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`replace and cancel-all on ${backend.name}`, () => {
    const t = testAppForSuite({ on: backend, modules: TRADING_MODULES, prices: { BTCUSDT: '50000', ETHUSDT: '2000' } });

    const replace = (me: Trader, id: number, body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/trading/orders/${id}/replace`, headers: me.headers, payload: body });
    const cancelAll = (me: Trader, symbol?: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/trading/orders${symbol ? `?symbol=${symbol}` : ''}`, headers: me.headers });
    const limitBuy = async (me: Trader, price: string, quantity = '0.5', symbol = 'BTCUSDT') =>
      (await placed(await order(t.app, me, 'buy', { symbol, type: 'LIMIT', quantity, price }))).order;
    const list = async (me: Trader, query: string) => {
      const res = await t.app.inject({ url: `/api/trading/orders?${query}`, headers: me.headers });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as OrdersResponse).orders;
    };

    describe('replace', () => {
      it('when an open limit buy is replaced with a new price, then the old one is CANCELED and linked, the new one rests and holds the new cost', async () => {
        const me = await newTrader(t.app);
        const old = await limitBuy(me, '40000');
        expect(await portfolioOf(t.app, me)).toMatchObject({ reserved: '20020' });

        const res = await replace(me, old.id, { price: '41000' });
        expect(res.statusCode, res.body).toBe(200);
        const { canceled, order: created } = res.json() as ReplaceOrderResponse;
        expect(canceled).toMatchObject({ id: old.id, status: 'CANCELED', replacedBy: created.id, price: '40000' });
        expect(created).toMatchObject({ status: 'NEW', type: 'LIMIT', side: 'BUY', symbol: 'BTCUSDT', price: '41000', quantity: '0.5', timeInForce: 'GTC', replaces: old.id });
        // 0.5 × 41000 + 0.1 % fee: only the new order's hold remains.
        expect(await portfolioOf(t.app, me)).toMatchObject({ cash: '79479.5', reserved: '20520.5' });
        expect((await list(me, 'status=open')).map((o) => o.id)).toEqual([created.id]);
        expect(await orderOf(t.app, me, old.id)).toMatchObject({ status: 'CANCELED', replacedBy: created.id });
      });

      it('when a replace also changes the quantity of a limit sell, then the coins held follow it', async () => {
        const me = await newTrader(t.app);
        await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quantity: '2' }));
        const { order: old } = await placed(await order(t.app, me, 'sell', { symbol: 'ETHUSDT', type: 'LIMIT', quantity: '1.5', price: '2500' }));
        const res = await replace(me, old.id, { price: '2600', quantity: '1' });
        expect(res.statusCode, res.body).toBe(200);
        expect((res.json() as ReplaceOrderResponse).order).toMatchObject({ side: 'SELL', price: '2600', quantity: '1', status: 'NEW' });
        expect((await portfolioOf(t.app, me)).positions[0]).toMatchObject({ quantity: '2', available: '1' });
      });

      it('when the new order costs more than the free cash, then it is 400 INSUFFICIENT_BALANCE and the old order stays open holding what it held', async () => {
        const me = await newTrader(t.app);
        const old = await limitBuy(me, '40000', '2'); // holds 80080 of 100000
        // 2.1 × 49000 × 1.001 = 103003.03: more than the whole balance, even with the old hold released.
        expectProblem(await replace(me, old.id, { price: '49000', quantity: '2.1' }), 400, 'INSUFFICIENT_BALANCE');
        expect(await orderOf(t.app, me, old.id)).toMatchObject({ status: 'NEW', price: '40000', replacedBy: null });
        expect(await portfolioOf(t.app, me)).toMatchObject({ reserved: '80080' });
        expect(await list(me, 'status=open'), 'no second order was left behind').toHaveLength(1);
      });

      it.each([
        ['a price off the tick', { price: '41000.005' }, 400, 'PRICE_FILTER'],
        ['a quantity off the lot step', { price: '41000', quantity: '0.000015' }, 400, 'LOT_SIZE'],
        ['a notional below the minimum', { price: '41000', quantity: '0.0001' }, 400, 'MIN_NOTIONAL'],
        ['no price', { quantity: '0.1' }, 400, 'VALIDATION_FAILED'],
        ['a zero price', { price: '0' }, 400, 'VALIDATION_FAILED'],
        ['an unknown field', { price: '41000', side: 'SELL' }, 400, 'VALIDATION_FAILED'],
        ['a stopPrice on a plain LIMIT', { price: '41000', stopPrice: '42000' }, 400, 'VALIDATION_FAILED'],
      ])('when the replace has %s, then it is refused with its code and the old order is untouched', async (_why, body, status, code) => {
        const me = await newTrader(t.app);
        const old = await limitBuy(me, '40000');
        expectProblem(await replace(me, old.id, body), status, code);
        expect(await orderOf(t.app, me, old.id)).toMatchObject({ status: 'NEW', price: '40000' });
        expect(await portfolioOf(t.app, me)).toMatchObject({ reserved: '20020' });
      });

      it('when the order is unknown or another user\'s, then it is 404; when it is no longer open, then 409 ORDER_NOT_OPEN', async () => {
        const [me, other] = [await newTrader(t.app), await newTrader(t.app)];
        const mine = await limitBuy(me, '40000');
        expectProblem(await replace(other, mine.id, { price: '41000' }), 404, 'NOT_FOUND');
        expectProblem(await replace(me, 2 ** 40, { price: '41000' }), 404, 'NOT_FOUND');
        const replaced = (await replace(me, mine.id, { price: '41000' })).json() as ReplaceOrderResponse;
        expectProblem(await replace(me, mine.id, { price: '42000' }), 409, 'ORDER_NOT_OPEN');
        const { order: filled } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.01' }));
        expectProblem(await replace(me, filled.id, { price: '42000' }), 409, 'ORDER_NOT_OPEN');
        expect(await list(me, 'status=open')).toEqual([expect.objectContaining({ id: replaced.order.id })]);
      });

      it('when a replace moves a buy above the market, then the new order takes it at once, as a placed limit would', async () => {
        const me = await newTrader(t.app);
        const old = await limitBuy(me, '1900', '1', 'ETHUSDT');
        const res = await replace(me, old.id, { price: '2100' });
        expect(res.statusCode, res.body).toBe(200);
        expect((res.json() as ReplaceOrderResponse).order).toMatchObject({ status: 'FILLED', avgFillPrice: '2000', replaces: old.id });
        const p = await portfolioOf(t.app, me);
        expect(p).toMatchObject({ reserved: '0', cash: '97998' });
        expect(p.positions[0]).toMatchObject({ symbol: 'ETHUSDT', quantity: '1' });
      });

      it('when a stop-limit is replaced, then its stop stays unless a new one is sent, and a LIMIT_MAKER that would take is refused', async () => {
        const me = await newTrader(t.app);
        const { order: stop } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'STOP_LOSS_LIMIT', quantity: '0.1', stopPrice: '55000', price: '55500' }));
        const kept = (await replace(me, stop.id, { price: '56000' })).json() as ReplaceOrderResponse;
        expect(kept.order).toMatchObject({ type: 'STOP_LOSS_LIMIT', stopPrice: '55000', price: '56000', status: 'NEW' });
        const moved = (await replace(me, kept.order.id, { price: '57000', stopPrice: '56500' })).json() as ReplaceOrderResponse;
        expect(moved.order).toMatchObject({ stopPrice: '56500', price: '57000' });

        const { order: maker } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', type: 'LIMIT_MAKER', quantity: '0.1', price: '45000' }));
        expectProblem(await replace(me, maker.id, { price: '51000' }), 400, 'WOULD_MATCH_IMMEDIATELY');
        expect(await orderOf(t.app, me, maker.id)).toMatchObject({ status: 'NEW' });
      });

      it('when a STOP_LOSS (no limit price) is replaced, then it is 400 VALIDATION_FAILED', async () => {
        const me = await newTrader(t.app);
        await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quantity: '1' }));
        const { order: stop } = await placed(await order(t.app, me, 'sell', { symbol: 'ETHUSDT', type: 'STOP_LOSS', quantity: '1', stopPrice: '1800' }));
        expectProblem(await replace(me, stop.id, { price: '1800' }), 400, 'VALIDATION_FAILED');
      });
    });

    describe('cancel all', () => {
      it('when a trader cancels all open orders, then every one is CANCELED and what they held is free at once', async () => {
        const me = await newTrader(t.app);
        await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quantity: '2' }));
        const a = await limitBuy(me, '40000', '0.1');
        const b = await limitBuy(me, '1500', '1', 'ETHUSDT');
        const { order: c } = await placed(await order(t.app, me, 'sell', { symbol: 'ETHUSDT', type: 'LIMIT', quantity: '1.5', price: '2500' }));
        const before = await portfolioOf(t.app, me);
        expect(before.reserved).not.toBe('0');

        const res = await cancelAll(me);
        expect(res.statusCode, res.body).toBe(200);
        const { canceled } = res.json() as CancelAllOrdersResponse;
        expect(canceled.map((o) => [o.id, o.status])).toEqual([a, b, c].map((o) => [o.id, 'CANCELED']));
        const after = await portfolioOf(t.app, me);
        expect(after).toMatchObject({ reserved: '0', cash: '95996' }); // 100000 − 2 ETH at 2000 − 4 fee
        expect(after.positions[0]).toMatchObject({ quantity: '2', available: '2' });
        expect(await list(me, 'status=open')).toEqual([]);
        expect(((await cancelAll(me)).json() as CancelAllOrdersResponse).canceled, 'nothing left to cancel').toEqual([]);
      });

      it('when cancel-all names a symbol, then only that symbol\'s orders are canceled, and another user\'s orders are never touched', async () => {
        const [me, other] = [await newTrader(t.app), await newTrader(t.app)];
        const btc = await limitBuy(me, '40000', '0.1');
        const eth = await limitBuy(me, '1500', '1', 'ETHUSDT');
        const theirs = await limitBuy(other, '40000', '0.1');
        const { canceled } = (await cancelAll(me, 'ETHUSDT')).json() as CancelAllOrdersResponse;
        expect(canceled.map((o) => o.id)).toEqual([eth.id]);
        expect((await list(me, 'status=open')).map((o) => o.id)).toEqual([btc.id]);
        expect(await orderOf(t.app, other, theirs.id)).toMatchObject({ status: 'NEW' });
        expectProblem(await cancelAll(me, 'btcusdt'), 400, 'VALIDATION_FAILED');
      });
    });

    it('when an order is replaced and then all are canceled, then the owner\'s sockets receive each order change and the portfolio after it', async () => {
      const url = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
      const me = await newTrader(t.app);
      const old = await limitBuy(me, '40000', '0.1');
      const orderEvents = await openSocket(`${url}/ws/orders?token=${me.token}`);
      const portfolioEvents = await openSocket(`${url}/ws/portfolio?token=${me.token}`);
      try {
        expect(await orderEvents.next()).toMatchObject({ type: 'authenticated' });
        expect(await portfolioEvents.next()).toMatchObject({ type: 'authenticated' });
        const { order: created } = (await replace(me, old.id, { price: '41000' })).json() as ReplaceOrderResponse;
        expect(await orderEvents.next()).toMatchObject({ type: 'order', data: { id: old.id, status: 'CANCELED', replacedBy: created.id } });
        expect(await orderEvents.next()).toMatchObject({ type: 'order', data: { id: created.id, status: 'NEW', replaces: old.id } });
        expect(await portfolioEvents.next()).toMatchObject({ type: 'portfolio', data: { reserved: '4104.1', cash: '95895.9' } });
        await cancelAll(me);
        expect(await orderEvents.next()).toMatchObject({ type: 'order', data: { id: created.id, status: 'CANCELED' } });
        expect(await portfolioEvents.next()).toMatchObject({ type: 'portfolio', data: { reserved: '0', cash: '100000' } });
      } finally {
        orderEvents.ws.close();
        portfolioEvents.ws.close();
      }
    });

    describe('order history filters and CSV', () => {
      it('when the list is filtered by exact status, side, symbol and time, then only matching orders come back, and the CSV has the same rows', async () => {
        const me = await newTrader(t.app);
        const a = await limitBuy(me, '40000', '0.1');
        const b = await limitBuy(me, '1500', '1', 'ETHUSDT');
        await t.app.inject({ method: 'DELETE', url: `/api/trading/orders/${a.id}`, headers: me.headers });
        const { order: m } = await placed(await order(t.app, me, 'buy', { symbol: 'ETHUSDT', quantity: '0.5' }));

        expect((await list(me, 'status=CANCELED')).map((o) => o.id)).toEqual([a.id]);
        expect((await list(me, 'status=all&symbol=ETHUSDT')).map((o) => o.id)).toEqual([m.id, b.id]);
        expect((await list(me, 'status=FILLED&side=BUY')).map((o) => o.id)).toEqual([m.id]);
        expect(await list(me, 'side=SELL')).toEqual([]);
        const future = new Date(Date.now() + 60_000).toISOString();
        const past = new Date(Date.now() - 60_000).toISOString();
        expect(await list(me, `from=${encodeURIComponent(future)}`)).toEqual([]);
        expect(await list(me, `to=${encodeURIComponent(past)}`)).toEqual([]);
        expect(await list(me, `from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}`)).toHaveLength(3);
        expectProblem(await t.app.inject({ url: '/api/trading/orders?status=canceled', headers: me.headers }), 400, 'VALIDATION_FAILED');
        expectProblem(await t.app.inject({ url: '/api/trading/orders?from=yesterday', headers: me.headers }), 400, 'VALIDATION_FAILED');

        const csv = await t.app.inject({ url: '/api/trading/orders.csv?status=CANCELED', headers: me.headers });
        expect(csv.statusCode, csv.body).toBe(200);
        expect(csv.headers['content-type']).toMatch(/^text\/csv/);
        const lines = csv.body.split('\r\n');
        expect(lines[0]).toBe('id,run,createdAt,updatedAt,symbol,side,type,status,quantity,price,stopPrice,timeInForce,filledQuantity,avgFillPrice,fee,rejectReason,replacedBy,replaces');
        expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${a.id},1,.*,BTCUSDT,BUY,LIMIT,CANCELED,0\\.1,40000,,GTC,0,,0,,,$`)), '']);
        const all = await t.app.inject({ url: '/api/trading/orders.csv', headers: me.headers });
        expect(all.body.split('\r\n').slice(1, -1).map((l) => Number(l.split(',')[0]))).toEqual([a.id, b.id, m.id]);
      });
    });
  });
}
