/**
 * Signed Binance endpoints on our one engine: HMAC keys from /api/auth/api-keys, Binance's
 * signing rule (query string + form body), recvWindow, permissions, and the order, account and
 * trade endpoints checked against what /api/trading and /api/portfolio say about the same account.
 */
import { createHmac } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, fromIp, newIp } from '../../accounts/testing/clients.js';
import { newTrader, orderOf, portfolioOf, type Trader } from '../../trading/testing/trading-clients.js';
import { setPrice } from '../../../testing/test-prices.js';
import { expectBinanceError, startBinanceApp, type BinanceTestApp } from '../testing/binance-test-app.js';

let t: BinanceTestApp;

interface Bot {
  trader: Trader;
  key: string;
  secret: string;
  ip: string;
}

beforeAll(async () => {
  t = await startBinanceApp({ BTCUSDT: '50000', ETHUSDT: '2000' }, { SLIPPAGE_K: '0' });
}, 180_000);
afterAll(async () => t?.close());

async function newBot(permissions: string[] = ['read', 'trade'], trader?: Trader): Promise<Bot> {
  const owner = trader ?? (await newTrader(t.app));
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/api-keys', headers: bearer(owner.token), payload: { label: 'bot', permissions } });
  expect(res.statusCode, res.body).toBe(201);
  const created = res.json() as { apiKey: { key: string }; secret: string };
  return { trader: owner, key: created.apiKey.key, secret: created.secret, ip: newIp() };
}

const sign = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

/** A signed call the way Binance clients make it: every parameter in the query string, the signature last. */
function call(bot: Bot, method: 'GET' | 'POST' | 'DELETE', path: string, params: Record<string, string> = {}, opts: { timestamp?: number; secret?: string } = {}): Promise<LightMyRequestResponse> {
  const query = new URLSearchParams({ ...params, timestamp: String(opts.timestamp ?? Date.now()) }).toString();
  const signature = sign(opts.secret ?? bot.secret, query);
  return t.app.inject({ method, url: `/binance/api/v3/${path}?${query}&signature=${signature}`, headers: { 'x-mbx-apikey': bot.key, ...fromIp(bot.ip) } });
}

function ok<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

describe('request security', () => {
  it('when the parameters are split between the query string and a form body, then the signature covers both concatenated', async () => {
    const bot = await newBot();
    const query = 'symbol=BTCUSDT&side=BUY&type=MARKET';
    const body = `quantity=0.001&recvWindow=5000&timestamp=${Date.now()}`;
    const signature = sign(bot.secret, query + body);
    const res = await t.app.inject({
      method: 'POST',
      url: `/binance/api/v3/order?${query}`,
      headers: { 'x-mbx-apikey': bot.key, 'content-type': 'application/x-www-form-urlencoded', ...fromIp(bot.ip) },
      payload: `${body}&signature=${signature}`,
    });
    expect(ok(res)).toMatchObject({ symbol: 'BTCUSDT', status: 'FILLED', executedQty: '0.00100000' });
    expect(res.headers['x-mbx-order-count-10s']).toBe('1');
    expect(res.headers['x-mbx-order-count-1d']).toBe('1');
  });

  it('when the key, signature, timestamp or permission is wrong, then Binance’s codes come back', async () => {
    const bot = await newBot();
    expectBinanceError(await t.app.inject({ url: `/binance/api/v3/account?timestamp=${Date.now()}&signature=00` }), 401, -2014);
    expectBinanceError(await call(bot, 'GET', 'account', {}, { secret: 'not-the-secret' }), 400, -1022);
    expectBinanceError(await call(bot, 'GET', 'account', {}, { timestamp: Date.now() - 10_000 }), 400, -1021);
    expect(ok(await call(bot, 'GET', 'account', { recvWindow: '60000' }, { timestamp: Date.now() - 10_000 })), 'a wider recvWindow admits it').toHaveProperty('balances');
    expectBinanceError(await call(bot, 'GET', 'account', { recvWindow: '60001' }), 400, -1130);
    expectBinanceError(await call(bot, 'GET', 'account', {}, { timestamp: Date.now() + 5_000 }), 400, -1021);
    const unknown = { ...bot, key: 'A'.repeat(64) };
    expectBinanceError(await call(unknown, 'GET', 'account'), 401, -2015);
    const reader = await newBot(['read']);
    expect(ok(await call(reader, 'GET', 'openOrders'))).toEqual([]);
    expectBinanceError(await call(reader, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.001' }), 401, -2015);
  });

  it('when a key is revoked, then its next request is refused', async () => {
    const bot = await newBot();
    ok(await call(bot, 'GET', 'account'));
    const list = (await t.app.inject({ url: '/api/auth/api-keys', headers: bearer(bot.trader.token) })).json() as { apiKeys: Array<{ id: string }> };
    const id = list.apiKeys[0]!.id;
    expect((await t.app.inject({ method: 'DELETE', url: `/api/auth/api-keys/${id}`, headers: bearer(bot.trader.token) })).statusCode).toBe(204);
    expectBinanceError(await call(bot, 'GET', 'account'), 401, -2015);
  });
});

describe('orders on the one engine', () => {
  it('when a bot buys by quoteOrderQty with FULL, then the reply has the fills and commission, and /api/trading shows the same order', async () => {
    const bot = await newBot();
    const reply = ok(await call(bot, 'POST', 'order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quoteOrderQty: '1000', newClientOrderId: 'bot-1' }));
    expect(reply).toMatchObject({
      symbol: 'ETHUSDT', clientOrderId: 'bot-1', orderListId: -1, status: 'FILLED', type: 'MARKET', side: 'BUY',
      executedQty: '0.50000000', cummulativeQuoteQty: '1000.00000000', origQuoteOrderQty: '1000.00000000',
      fills: [{ price: '2000.00000000', qty: '0.50000000', commission: '1.00000000', commissionAsset: 'USDT', tradeId: expect.any(Number) }],
    });
    const ours = await orderOf(t.app, bot.trader, reply.orderId as number);
    expect(ours).toMatchObject({ clientOrderId: 'bot-1', status: 'FILLED', filledQuantity: '0.5', fee: '1' });
    expectBinanceError(await call(bot, 'POST', 'order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quoteOrderQty: '1000', newClientOrderId: 'bot-1' }), 400, -2010);
  });

  it('when a bot rests a limit sell, queries, lists and cancels it, then each reply has Binance’s fields and the coins come back', async () => {
    const bot = await newBot();
    ok(await call(bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01' }));
    const placed = ok(await call(bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'SELL', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01', price: '60000', newOrderRespType: 'RESULT' }));
    expect(placed).toMatchObject({ status: 'NEW', price: '60000.00000000', origQty: '0.01000000', executedQty: '0.00000000', timeInForce: 'GTC' });
    expect(placed).not.toHaveProperty('fills');
    const account = ok<{ balances: Array<{ asset: string; free: string; locked: string }>; commissionRates: Record<string, string> }>(await call(bot, 'GET', 'account'));
    expect(account.balances.find((b) => b.asset === 'BTC')).toEqual({ asset: 'BTC', free: '0.00000000', locked: '0.01000000' });
    expect(account.balances.find((b) => b.asset === 'USDT')).toEqual({ asset: 'USDT', free: '99499.50000000', locked: '0.00000000' });
    expect(account.commissionRates).toMatchObject({ maker: '0.00100000', taker: '0.00100000' });

    const queried = ok(await call(bot, 'GET', 'order', { symbol: 'BTCUSDT', orderId: String(placed.orderId) }));
    expect(Object.keys(queried).sort()).toEqual(
      ['symbol', 'orderId', 'orderListId', 'clientOrderId', 'price', 'origQty', 'executedQty', 'cummulativeQuoteQty', 'status', 'timeInForce', 'type', 'side', 'stopPrice', 'icebergQty', 'time', 'updateTime', 'isWorking', 'workingTime', 'origQuoteOrderQty', 'selfTradePreventionMode'].sort(),
    );
    const byClientId = ok(await call(bot, 'GET', 'order', { symbol: 'BTCUSDT', origClientOrderId: placed.clientOrderId as string }));
    expect(byClientId.orderId).toBe(placed.orderId);
    expect(ok<unknown[]>(await call(bot, 'GET', 'openOrders', { symbol: 'BTCUSDT' }))).toHaveLength(1);
    const all = ok<Array<{ orderId: number }>>(await call(bot, 'GET', 'allOrders', { symbol: 'BTCUSDT' }));
    expect(all.map((o) => o.orderId), 'oldest first').toEqual([...all.map((o) => o.orderId)].sort((a, b) => a - b));
    expect(all).toHaveLength(2);

    expect(ok(await call(bot, 'DELETE', 'order', { symbol: 'BTCUSDT', orderId: String(placed.orderId) }))).toMatchObject({ orderId: placed.orderId, status: 'CANCELED', origClientOrderId: placed.clientOrderId });
    expect((await portfolioOf(t.app, bot.trader)).positions[0]).toMatchObject({ quantity: '0.01', available: '0.01' });
    expectBinanceError(await call(bot, 'DELETE', 'order', { symbol: 'BTCUSDT', orderId: String(placed.orderId) }), 400, -2011);
    expectBinanceError(await call(bot, 'GET', 'order', { symbol: 'BTCUSDT', orderId: '999999' }), 400, -2013);
    expectBinanceError(await call(bot, 'GET', 'order', { symbol: 'BTCUSDT' }), 400, -1102);
  });

  it('when a bot cancels all open orders of a symbol, then each is canceled and returned', async () => {
    const bot = await newBot();
    for (const price of ['40000', '41000']) ok(await call(bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price }));
    const canceled = ok<Array<{ status: string }>>(await call(bot, 'DELETE', 'openOrders', { symbol: 'BTCUSDT' }));
    expect(canceled.map((o) => o.status)).toEqual(['CANCELED', 'CANCELED']);
    expect(ok<unknown[]>(await call(bot, 'GET', 'openOrders'))).toEqual([]);
  });

  it('when a bot reads myTrades, then each fill is a Binance trade row with commission in USDT', async () => {
    const bot = await newBot();
    const bought = ok(await call(bot, 'POST', 'order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '1' }));
    await setPrice(t.ports.cache, 'ETHUSDT', '2100');
    ok(await call(bot, 'POST', 'order', { symbol: 'ETHUSDT', side: 'SELL', type: 'MARKET', quantity: '1' }));
    await setPrice(t.ports.cache, 'ETHUSDT', '2000');
    const trades = ok<Array<Record<string, unknown>>>(await call(bot, 'GET', 'myTrades', { symbol: 'ETHUSDT' }));
    expect(trades).toEqual([
      expect.objectContaining({ symbol: 'ETHUSDT', orderId: bought.orderId, price: '2000.00000000', qty: '1.00000000', quoteQty: '2000.00000000', commission: '2.00000000', commissionAsset: 'USDT', isBuyer: true, isMaker: false }),
      expect.objectContaining({ price: '2100.00000000', quoteQty: '2100.00000000', commission: '2.10000000', isBuyer: false }),
    ]);
    expect(ok<unknown[]>(await call(bot, 'GET', 'myTrades', { symbol: 'ETHUSDT', orderId: String(bought.orderId) }))).toHaveLength(1);
  });

  it('when a bot sends IOC, FOK, LIMIT_MAKER and the stop-limits, then the engine takes them as our own API does', async () => {
    const bot = await newBot();
    const order = (p: Record<string, string>) => call(bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', newOrderRespType: 'RESULT', ...p });
    // Not marketable (a buy below the 50,000 price): IOC and FOK expire at once, holding nothing.
    for (const timeInForce of ['IOC', 'FOK']) {
      expect(ok(await order({ type: 'LIMIT', timeInForce, quantity: '0.001', price: '40000' }))).toMatchObject({ type: 'LIMIT', timeInForce, status: 'EXPIRED', executedQty: '0.00000000' });
    }
    // Marketable: it fills whole, never above its limit.
    const filled = ok<{ status: string; executedQty: string; cummulativeQuoteQty: string }>(await order({ type: 'LIMIT', timeInForce: 'IOC', quantity: '0.001', price: '51000' }));
    expect(filled).toMatchObject({ status: 'FILLED', executedQty: '0.00100000', timeInForce: 'IOC' });
    expect(Number(filled.cummulativeQuoteQty)).toBeLessThanOrEqual(51);
    expect(ok(await order({ type: 'LIMIT_MAKER', quantity: '0.001', price: '40000' }))).toMatchObject({ type: 'LIMIT_MAKER', status: 'NEW', price: '40000.00000000', timeInForce: 'GTC' });
    const stopLimit = ok(await call(bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_LOSS_LIMIT', timeInForce: 'GTC', quantity: '0.001', stopPrice: '45000', price: '44900', newOrderRespType: 'RESULT' }));
    expect(stopLimit).toMatchObject({ type: 'STOP_LOSS_LIMIT', status: 'NEW', stopPrice: '45000.00000000', price: '44900.00000000', timeInForce: 'GTC' });
    const open = ok<Array<{ type: string }>>(await call(bot, 'GET', 'openOrders', { symbol: 'BTCUSDT' }));
    expect(open.map((o) => o.type).sort()).toEqual(['LIMIT_MAKER', 'STOP_LOSS_LIMIT']);
  });

  it('when an order breaks a rule, then the reply is Binance’s code for it', async () => {
    const bot = await newBot();
    const order = (p: Record<string, string>) => call(bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', ...p });
    expect(expectBinanceError(await order({ type: 'MARKET', quantity: '0.000001' }), 400, -1013).msg).toBe('Filter failure: LOT_SIZE');
    expect(expectBinanceError(await order({ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '50000.001' }), 400, -1013).msg).toBe('Filter failure: PRICE_FILTER');
    expect(expectBinanceError(await order({ type: 'LIMIT', timeInForce: 'GTC', quantity: '0.00001', price: '100' }), 400, -1013).msg).toBe('Filter failure: NOTIONAL');
    expect(expectBinanceError(await order({ type: 'MARKET', quantity: '10' }), 400, -2010).msg).toBe('Account has insufficient balance for requested action.');
    expectBinanceError(await order({ type: 'OCO', quantity: '0.001' }), 400, -1116);
    expectBinanceError(await order({ type: 'LIMIT', timeInForce: 'GTX', quantity: '0.001', price: '50000' }), 400, -1115);
    expectBinanceError(await order({ type: 'LIMIT_MAKER', timeInForce: 'GTC', quantity: '0.001', price: '40000' }), 400, -1106);
    expectBinanceError(await order({ type: 'STOP_LOSS_LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '60000' }), 400, -1102);
    expect(expectBinanceError(await order({ type: 'LIMIT_MAKER', quantity: '0.001', price: '51000' }), 400, -2010).msg).toBe('Order would immediately match and take.');
    expectBinanceError(await order({ type: 'LIMIT', quantity: '0.001', price: '50000' }), 400, -1102);
    expectBinanceError(await call(bot, 'POST', 'order', { symbol: 'BTCUSDT', side: 'HOLD', type: 'MARKET', quantity: '1' }), 400, -1117);
    expectBinanceError(await call(bot, 'POST', 'order', { symbol: 'NOPEUSDT', side: 'BUY', type: 'MARKET', quantity: '1' }), 400, -1121);
    expect(expectBinanceError(await order({ type: 'STOP_LOSS', quantity: '0.001', stopPrice: '40000' }), 400, -2010).msg).toBe('Order would trigger immediately.');
  });

  it('when a bot tests an order, then it is checked like a real one but nothing is placed', async () => {
    const bot = await newBot();
    expect(ok(await call(bot, 'POST', 'order/test', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.001' }))).toEqual({});
    expectBinanceError(await call(bot, 'POST', 'order/test', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.000001' }), 400, -1013);
    const rates = ok(await call(bot, 'POST', 'order/test', { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.001', computeCommissionRates: 'true' }));
    expect(rates).toMatchObject({ standardCommissionForOrder: { maker: '0.00100000', taker: '0.00100000' } });
    expect(ok<unknown[]>(await call(bot, 'GET', 'allOrders', { symbol: 'BTCUSDT' }))).toEqual([]);
  });

  it('when two users trade, then one user’s key never sees or cancels the other’s orders', async () => {
    const alice = await newBot();
    const bob = await newBot();
    const placed = ok(await call(alice, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '40000' }));
    expectBinanceError(await call(bob, 'GET', 'order', { symbol: 'BTCUSDT', orderId: String(placed.orderId) }), 400, -2013);
    expectBinanceError(await call(bob, 'DELETE', 'order', { symbol: 'BTCUSDT', orderId: String(placed.orderId) }), 400, -2011);
    expect(ok<unknown[]>(await call(bob, 'GET', 'openOrders'))).toEqual([]);
    expect(ok<unknown[]>(await call(alice, 'GET', 'openOrders'))).toHaveLength(1);
  });
});
