/**
 * Binance's user data stream across replicas: two apps on one database and cache (PGlite +
 * memory embedded; PostgreSQL + Redis with the services), a listen key made on one, its socket
 * on the other, orders placed through the first. The events reach the socket only through
 * the cache's pub/sub, as they would between two processes.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fromIp, newIp } from '../../accounts/testing/clients.js';
import { openSocket, type TestSocket } from '../../accounts/testing/socket-client.js';
import { portfolioModule } from '../../portfolio/index.js';
import { tradingModule } from '../../trading/index.js';
import { newTrader, type Trader } from '../../trading/testing/trading-clients.js';
import { startTestApp, testBackends, type TestApp, type TestStorage } from '../../../testing/test-app.js';
import { expectBinanceError } from '../testing/binance-test-app.js';
import { binanceModuleWith } from '../index.js';

interface Bot {
  trader: Trader;
  keyId: string;
  key: string;
  secret: string;
  ip: string;
}

const PRICES = { BTCUSDT: '50000', ETHUSDT: '2000' };
const decimal8 = expect.stringMatching(/^\d+\.\d{8,}$/);
const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`user data stream across replicas (${backend.name})`, () => {
    let storage: TestStorage;
    let a: TestApp;
    let b: TestApp;
    /** A third replica whose listen keys last a moment, to watch one expire. */
    let brief: TestApp;
    const urls = new Map<TestApp, string>();
    const sockets: TestSocket[] = [];

    const start = async (listenKeyValidityMs?: number) => {
      const app = await startTestApp({
        on: storage,
        modules: [tradingModule, portfolioModule, binanceModuleWith(listenKeyValidityMs ? { listenKeyValidityMs } : {})],
        prices: PRICES,
      });
      urls.set(app, (await app.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws'));
      return app;
    };

    beforeAll(async () => {
      storage = await backend.open();
      a = await start();
      b = await start();
      brief = await start(2_000);
    }, 240_000);
    afterAll(async () => {
      for (const s of sockets) s.ws.terminate();
      await Promise.allSettled([a?.close(), b?.close(), brief?.close()]);
      await storage?.close();
    });

    async function newBot(app: FastifyInstance, trader?: Trader): Promise<Bot> {
      const owner = trader ?? (await newTrader(app));
      const res = await app.inject({ method: 'POST', url: '/api/auth/api-keys', headers: bearer(owner.token), payload: { label: 'bot', permissions: ['read', 'trade'] } });
      expect(res.statusCode, res.body).toBe(201);
      const created = res.json() as { apiKey: { id: string; key: string }; secret: string };
      return { trader: owner, keyId: created.apiKey.id, key: created.apiKey.key, secret: created.secret, ip: newIp() };
    }

    const userStream = (app: TestApp, bot: Bot, method: 'POST' | 'PUT' | 'DELETE', listenKey?: string) =>
      app.app.inject({ method, url: `/binance/api/v3/userDataStream${listenKey ? `?listenKey=${listenKey}` : ''}`, headers: { 'x-mbx-apikey': bot.key, ...fromIp(bot.ip) } });

    function signed(app: TestApp, bot: Bot, method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string>): Promise<LightMyRequestResponse> {
      const query = new URLSearchParams({ ...params, timestamp: String(Date.now()) }).toString();
      return app.app.inject({ method, url: `/binance/api/v3/${path}?${query}&signature=${sign(bot.secret, query)}`, headers: { 'x-mbx-apikey': bot.key, ...fromIp(bot.ip) } });
    }

    function ok<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as T;
    }

    const listenKeyOf = async (app: TestApp, bot: Bot) => ok<{ listenKey: string }>(await userStream(app, bot, 'POST')).listenKey;

    /** A socket whose URL streams are live: a request's reply queues behind them. */
    async function connect(app: TestApp, path: string): Promise<TestSocket> {
      const socket = await openSocket(`${urls.get(app)}${path}`);
      sockets.push(socket);
      socket.send({ method: 'LIST_SUBSCRIPTIONS', id: 1 });
      expect(await socket.next()).toMatchObject({ id: 1 });
      return socket;
    }

    /** The next frame with event type `e` (others, like account positions, are skipped). */
    async function nextEvent(socket: TestSocket, e: string): Promise<Record<string, unknown>> {
      for (;;) {
        const frame = await socket.next();
        const event = (frame.data ?? frame) as Record<string, unknown>;
        if (event.e === e) return frame;
      }
    }

    it('when a bot starts, keeps alive and closes a listen key, then Binance’s answers and codes come back, on any replica', async () => {
      const bot = await newBot(a.app);
      const listenKey = await listenKeyOf(a, bot);
      expect(listenKey).toMatch(/^[A-Za-z0-9]{60}$/);
      expect(await listenKeyOf(b, bot), 'an account has one live listen key: a second POST returns it').toBe(listenKey);
      const second = await newBot(a.app, bot.trader);
      expect(await listenKeyOf(b, second), 'another key of the same account gets the same one').toBe(listenKey);

      expect(ok(await userStream(b, bot, 'PUT', listenKey))).toEqual({});
      const stranger = await newBot(a.app);
      expectBinanceError(await userStream(a, stranger, 'PUT', listenKey), 400, -1125);
      expectBinanceError(await userStream(a, bot, 'PUT'), 400, -1102);
      expectBinanceError(await userStream(a, bot, 'PUT', 'x'.repeat(60)), 400, -1125);
      expectBinanceError(await a.app.inject({ method: 'POST', url: '/binance/api/v3/userDataStream' }), 401, -2014);
      expectBinanceError(await userStream(a, { ...bot, key: 'A'.repeat(64) }, 'POST'), 401, -2015);

      const res = await userStream(b, bot, 'DELETE', listenKey);
      expect(ok(res)).toEqual({});
      expect(res.headers['x-mbx-used-weight-1m']).toBeDefined();
      expectBinanceError(await userStream(a, bot, 'PUT', listenKey), 400, -1125);
      expect(await listenKeyOf(a, bot), 'after a close, POST makes a new one').not.toBe(listenKey);
    });

    it('when a bot trades through one replica, then its listen-key socket on another receives executionReport and outboundAccountPosition with Binance’s fields and types', async () => {
      const bot = await newBot(a.app);
      const listenKey = await listenKeyOf(a, bot);
      const raw = await connect(b, `/binance/ws/${listenKey}`);
      const combined = await connect(b, '/binance/stream?streams=btcusdt@ticker');
      combined.send({ method: 'SUBSCRIBE', params: [listenKey], id: 2 });
      expect(await combined.next()).toEqual({ result: null, id: 2 });
      combined.send({ method: 'LIST_SUBSCRIPTIONS', id: 3 });
      expect(await combined.next()).toEqual({ result: ['btcusdt@ticker', listenKey], id: 3 });

      const bought = ok<{ orderId: number; fills: Array<{ tradeId: number; price: string; qty: string; commission: string }> }>(
        await signed(a, bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quoteOrderQty: '1000', newClientOrderId: 'bot-buy-1', newOrderRespType: 'FULL' }),
      );
      const fill = bought.fills[0]!;

      const created = await nextEvent(raw, 'executionReport');
      expect(created, 'a market order placed and filled in one step still reports NEW first').toMatchObject({ x: 'NEW', X: 'NEW', i: bought.orderId, c: 'bot-buy-1', l: '0.00000000', z: '0.00000000', t: -1, N: null });
      const trade = await nextEvent(raw, 'executionReport');
      expect(trade).toEqual({
        e: 'executionReport',
        E: expect.any(Number),
        s: 'BTCUSDT',
        c: 'bot-buy-1',
        S: 'BUY',
        o: 'MARKET',
        f: 'GTC',
        q: decimal8,
        p: '0.00000000',
        P: '0.00000000',
        F: '0.00000000',
        g: -1,
        C: '',
        x: 'TRADE',
        X: 'FILLED',
        r: 'NONE',
        i: bought.orderId,
        l: fill.qty,
        z: fill.qty,
        L: fill.price,
        n: fill.commission,
        N: 'USDT',
        T: expect.any(Number),
        t: fill.tradeId,
        I: expect.any(Number),
        w: false,
        m: false,
        M: false,
        O: expect.any(Number),
        Z: decimal8,
        Y: decimal8,
        Q: '1000.00000000',
        V: 'NONE',
      });
      expect(Number(trade.Z)).toBeCloseTo(Number(fill.qty) * Number(fill.price), 6);
      expect(trade.I).toBeGreaterThan(created.I as number);

      const position = await nextEvent(raw, 'outboundAccountPosition');
      expect(position).toEqual({ e: 'outboundAccountPosition', E: expect.any(Number), u: expect.any(Number), B: expect.arrayContaining([{ a: 'USDT', f: decimal8, l: '0.00000000' }, { a: 'BTC', f: fill.qty, l: '0.00000000' }]) });

      const wrapped = await nextEvent(combined, 'executionReport');
      expect(wrapped, 'on a combined socket, the listen key is the stream name').toMatchObject({ stream: listenKey, data: { x: 'NEW', i: bought.orderId } });

      const resting = ok<{ orderId: number }>(await signed(a, bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '90000' }));
      expect(await nextEvent(raw, 'executionReport')).toMatchObject({ x: 'NEW', X: 'NEW', i: resting.orderId, o: 'LIMIT', w: true, p: '90000.00000000', q: '0.00100000', W: expect.any(Number) });
      expect((await nextEvent(raw, 'outboundAccountPosition')).B).toContainEqual({ a: 'BTC', f: decimal8, l: '0.00100000' });
      ok(await signed(a, bot, 'DELETE', 'order', { symbol: 'BTCUSDT', orderId: String(resting.orderId) }));
      expect(await nextEvent(raw, 'executionReport')).toMatchObject({ x: 'CANCELED', X: 'CANCELED', i: resting.orderId, w: false, z: '0.00000000' });
    });

    it('when the account is reset through one replica, then the socket on another receives a balanceUpdate per asset that moved, then the new position', async () => {
      const bot = await newBot(a.app);
      const bought = ok<{ executedQty: string }>(await signed(a, bot, 'POST', 'order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quoteOrderQty: '2000', newOrderRespType: 'RESULT' }));
      const listenKey = await listenKeyOf(a, bot);
      const raw = await connect(b, `/binance/ws/${listenKey}`);
      const account = ok<{ balances: Array<{ asset: string; free: string; locked: string }> }>(await signed(a, bot, 'GET', 'account', {}));
      const usdtBefore = account.balances.find((x) => x.asset === 'USDT')!;

      const res = await a.app.inject({ method: 'POST', url: '/api/portfolio/reset', headers: bearer(bot.trader.token) });
      expect(res.statusCode, res.body).toBe(200);

      const first = await raw.next();
      const second = await raw.next();
      const updates = [first, second].sort((x, y) => String(x.a).localeCompare(String(y.a)));
      const sinceFill = Number(100_000) - Number(usdtBefore.free) - Number(usdtBefore.locked);
      expect(updates, 'the reset withdraws the ETH held and tops USDT back up to 100,000').toEqual([
        { e: 'balanceUpdate', E: expect.any(Number), a: 'ETH', d: expect.stringMatching(/^-\d+\.\d{8,}$/), T: expect.any(Number) },
        { e: 'balanceUpdate', E: expect.any(Number), a: 'USDT', d: decimal8, T: expect.any(Number) },
      ]);
      expect(Number(updates[0]!.d), 'ETH delta is minus what was bought').toBeCloseTo(-Number(bought.executedQty), 8);
      expect(Number(updates[1]!.d), 'USDT delta is what the buy spent').toBeCloseTo(sinceFill, 6);
      expect(await nextEvent(raw, 'outboundAccountPosition')).toMatchObject({ B: [{ a: 'USDT', f: '100000.00000000', l: '0.00000000' }] });
    });

    it('when the API key is revoked, then its user-data sockets close on every replica and the listen key is refused', async () => {
      const bot = await newBot(a.app);
      const listenKey = await listenKeyOf(a, bot);
      const socket = await connect(b, `/binance/ws/${listenKey}`);
      const res = await a.app.inject({ method: 'DELETE', url: `/api/auth/api-keys/${bot.keyId}`, headers: bearer(bot.trader.token) });
      expect(res.statusCode, res.body).toBe(204);
      expect(await socket.closed).toEqual({ code: 1008, reason: 'API key revoked' });

      const again = await openSocket(`${urls.get(b)}/binance/ws/${listenKey}`);
      sockets.push(again);
      expect(await again.next()).toMatchObject({ code: 2, id: null });
      expect((await again.closed).code).toBe(1008);
    });

    it('when the listen key is closed through one replica, then its socket on another closes', async () => {
      const bot = await newBot(a.app);
      const listenKey = await listenKeyOf(a, bot);
      const socket = await connect(b, `/binance/ws/${listenKey}`);
      ok(await userStream(a, bot, 'DELETE', listenKey));
      expect(await socket.closed).toEqual({ code: 1000, reason: 'listen key closed' });
    });

    it('when a listen key is not kept alive, then its socket receives listenKeyExpired and closes', async () => {
      const bot = await newBot(brief.app);
      const listenKey = await listenKeyOf(brief, bot);
      const socket = await openSocket(`${urls.get(brief)}/binance/ws/${listenKey}`);
      sockets.push(socket);
      expect(await socket.next()).toEqual({ e: 'listenKeyExpired', E: expect.any(Number), listenKey });
      expect(await socket.closed).toEqual({ code: 1000, reason: 'listen key expired' });
      expectBinanceError(await userStream(brief, bot, 'PUT', listenKey), 400, -1125);
    });
  });
}
