/**
 * The security of the signed Binance endpoints, end to end over /binance/api/v3: Ed25519 keys
 * made through /api/auth/api-keys, replayed requests, one user's key against another's account,
 * read-only keys on the TRADE endpoints, and revocation seen at once by a second app instance
 * on the same storage (both backends). The signature vectors themselves are in
 * accounts/api-keys/signatures.test.ts.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { bearer } from '../../accounts/testing/clients.js';
import { portfolioModule } from '../../portfolio/index.js';
import { tradingModule } from '../../trading/index.js';
import { newTrader, orderOf, portfolioOf } from '../../trading/testing/trading-clients.js';
import { startTestApp, testBackends, type TestApp, type TestStorage } from '../../../testing/test-app.js';
import { binanceModule } from '../index.js';
import { expectBinanceError, startBinanceApp, type BinanceTestApp } from '../testing/binance-test-app.js';
import { newBot, ok, send, signedCall, signedUrl } from '../testing/signed-bots.js';

/** Binance's API-key-types page: its sample Ed25519 public key (the page gives no payload for its sample signature). */
const BINANCE_SAMPLE_ED25519_PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAgmDRTtj2FA+wzJUIlAL9ly1eovjLBu7uXUFR+jFULmg=\n-----END PUBLIC KEY-----\n';
const BUY = { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.001' };

let t: BinanceTestApp;

beforeAll(async () => {
  t = await startBinanceApp({ BTCUSDT: '50000' }, { SLIPPAGE_K: '0' });
}, 180_000);
afterAll(async () => t?.close());

describe('Ed25519 keys on the Binance surface', () => {
  it('when a bot registers an Ed25519 public key and signs with its private key, then it trades, and the order is on its owner’s account', async () => {
    const bot = await newBot(t.app, { type: 'ED25519' });
    const reply = ok(await signedCall(t.app, bot, 'POST', 'order', { ...BUY, newClientOrderId: 'ed-1' }));
    expect(reply).toMatchObject({ symbol: 'BTCUSDT', clientOrderId: 'ed-1', status: 'FILLED', executedQty: '0.00100000' });
    expect(await orderOf(t.app, bot.trader, reply.orderId as number)).toMatchObject({ clientOrderId: 'ed-1', status: 'FILLED' });
    const account = ok<{ balances: Array<{ asset: string; free: string }> }>(await signedCall(t.app, bot, 'GET', 'account'));
    expect(account.balances.find((b) => b.asset === 'BTC')).toMatchObject({ free: '0.00100000' });
  });

  it('when an Ed25519 request is signed by another private key, as hex, or over other parameters, then it is -1022 and nothing is placed', async () => {
    const bot = await newBot(t.app, { type: 'ED25519' });
    const stranger = generateKeyPairSync('ed25519').privateKey;
    const query = new URLSearchParams({ ...BUY, timestamp: String(Date.now()) }).toString();
    const forged = sign(null, Buffer.from(query), stranger).toString('base64');
    expectBinanceError(await send(t.app, bot, 'POST', `/binance/api/v3/order?${query}&signature=${encodeURIComponent(forged)}`), 400, -1022);
    const asHex = Buffer.from(bot.sign(query), 'base64').toString('hex');
    expectBinanceError(await send(t.app, bot, 'POST', `/binance/api/v3/order?${query}&signature=${asHex}`), 400, -1022);
    const tampered = signedUrl(bot, 'order', BUY).replace('quantity=0.001', 'quantity=0.002');
    expectBinanceError(await send(t.app, bot, 'POST', tampered), 400, -1022);
    expect(ok<unknown[]>(await signedCall(t.app, bot, 'GET', 'allOrders', { symbol: 'BTCUSDT' }))).toEqual([]);
  });

  it('when a user registers Binance’s sample Ed25519 public key, then it is accepted as an Ed25519 key', async () => {
    const owner = await newTrader(t.app);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/api-keys',
      headers: bearer(owner.token),
      payload: { label: 'binance sample', type: 'ED25519', permissions: ['read'], publicKey: BINANCE_SAMPLE_ED25519_PEM },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ apiKey: { type: 'ED25519', publicKey: BINANCE_SAMPLE_ED25519_PEM }, secret: null });
  });
});

describe('replayed requests', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('when a signed request is sent again after its recvWindow, then it is -1021 and places nothing', async () => {
    const bot = await newBot(t.app);
    vi.useFakeTimers({ toFake: ['Date'] });
    const sentAt = Date.now();
    const url = signedUrl(bot, 'order', { ...BUY, recvWindow: '5000' }, sentAt);
    ok(await send(t.app, bot, 'POST', url));
    vi.setSystemTime(sentAt + 5_001);
    expectBinanceError(await send(t.app, bot, 'POST', url), 400, -1021);
    vi.useRealTimers();
    expect(ok<unknown[]>(await signedCall(t.app, bot, 'GET', 'allOrders', { symbol: 'BTCUSDT' }))).toHaveLength(1);
  });

  it('when the captured signature is sent with a fresh timestamp, then it is -1022 (the timestamp is signed)', async () => {
    const bot = await newBot(t.app);
    const old = Date.now() - 60_000;
    const url = signedUrl(bot, 'order', BUY, old);
    expectBinanceError(await send(t.app, bot, 'POST', url), 400, -1021);
    expectBinanceError(await send(t.app, bot, 'POST', url.replace(`timestamp=${old}`, `timestamp=${Date.now()}`)), 400, -1022);
    expect(ok<unknown[]>(await signedCall(t.app, bot, 'GET', 'allOrders', { symbol: 'BTCUSDT' }))).toEqual([]);
  });

  it('when an order with a client order id is replayed within its recvWindow, then the copy is refused as a duplicate', async () => {
    const bot = await newBot(t.app);
    const url = signedUrl(bot, 'order', { ...BUY, newClientOrderId: 'once' });
    ok(await send(t.app, bot, 'POST', url));
    expect(expectBinanceError(await send(t.app, bot, 'POST', url), 400, -2010).msg).toBe('Duplicate order sent.');
    expect(ok<unknown[]>(await signedCall(t.app, bot, 'GET', 'allOrders', { symbol: 'BTCUSDT' }))).toHaveLength(1);
  });
});

describe("one user's key and another user's account", () => {
  it('when Bob’s key names Alice’s order by client id, cancels all, or reads trades and orders, then Alice’s account is untouched and unseen', async () => {
    const alice = await newBot(t.app);
    const bob = await newBot(t.app);
    ok(await signedCall(t.app, alice, 'POST', 'order', BUY));
    const resting = ok(await signedCall(t.app, alice, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '40000', newClientOrderId: 'alice-rest' }));
    const alicePortfolio = await portfolioOf(t.app, alice.trader);

    expectBinanceError(await signedCall(t.app, bob, 'DELETE', 'order', { symbol: 'BTCUSDT', origClientOrderId: 'alice-rest' }), 400, -2011);
    expectBinanceError(await signedCall(t.app, bob, 'GET', 'order', { symbol: 'BTCUSDT', origClientOrderId: 'alice-rest' }), 400, -2013);
    // Binance answers -2011 when there is nothing to cancel; either way Alice's order stays.
    await signedCall(t.app, bob, 'DELETE', 'openOrders', { symbol: 'BTCUSDT' });
    expect(ok<unknown[]>(await signedCall(t.app, bob, 'GET', 'allOrders', { symbol: 'BTCUSDT' }))).toEqual([]);
    expect(ok<unknown[]>(await signedCall(t.app, bob, 'GET', 'myTrades', { symbol: 'BTCUSDT' }))).toEqual([]);
    const bobBalances = ok<{ balances: Array<{ asset: string; free: string; locked: string }> }>(await signedCall(t.app, bob, 'GET', 'account')).balances;
    expect(bobBalances.find((b) => b.asset === 'USDT')).toEqual({ asset: 'USDT', free: '100000.00000000', locked: '0.00000000' });
    expect(bobBalances.find((b) => b.asset === 'BTC')?.free ?? '0.00000000').toBe('0.00000000');

    expect(ok(await signedCall(t.app, alice, 'GET', 'order', { symbol: 'BTCUSDT', orderId: String(resting.orderId) }))).toMatchObject({ status: 'NEW' });
    expect(await portfolioOf(t.app, alice.trader)).toEqual(alicePortfolio);
  });
});

describe('read-only keys', () => {
  it('when a read-only key places, tests, cancels or cancels all, then each is -2015 and the account is unchanged', async () => {
    const owner = await newTrader(t.app);
    const trader = await newBot(t.app, { trader: owner });
    const reader = await newBot(t.app, { trader: owner, permissions: ['read'] });
    const resting = ok(await signedCall(t.app, trader, 'POST', 'order', { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.001', price: '40000' }));
    const before = await portfolioOf(t.app, owner);

    expectBinanceError(await signedCall(t.app, reader, 'POST', 'order', BUY), 401, -2015);
    expectBinanceError(await signedCall(t.app, reader, 'POST', 'order/test', BUY), 401, -2015);
    expectBinanceError(await signedCall(t.app, reader, 'DELETE', 'order', { symbol: 'BTCUSDT', orderId: String(resting.orderId) }), 401, -2015);
    expectBinanceError(await signedCall(t.app, reader, 'DELETE', 'openOrders', { symbol: 'BTCUSDT' }), 401, -2015);

    expect(ok<unknown[]>(await signedCall(t.app, reader, 'GET', 'openOrders', { symbol: 'BTCUSDT' })), 'reading is allowed').toHaveLength(1);
    expect(await portfolioOf(t.app, owner)).toEqual(before);
  });

  it('when a trade-only key reads the account, then it is -2015 (USER_DATA needs the read permission)', async () => {
    const writer = await newBot(t.app, { permissions: ['trade'] });
    expectBinanceError(await signedCall(t.app, writer, 'GET', 'account'), 401, -2015);
    ok(await signedCall(t.app, writer, 'POST', 'order', BUY));
  });
});

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`revocation across two app instances (${backend.name})`, () => {
    let storage: TestStorage;
    let a: TestApp;
    let b: TestApp;

    beforeAll(async () => {
      storage = await backend.open();
      const start = () => startTestApp({ on: storage, modules: [tradingModule, portfolioModule, binanceModule], prices: { BTCUSDT: '50000' } });
      [a, b] = await Promise.all([start(), start()]);
    }, 180_000);
    afterAll(async () => {
      await Promise.allSettled([a?.close(), b?.close()]);
      await storage?.close();
    });

    it('when instance A revokes a key that instance B has just accepted, then B refuses its very next request with -2015', async () => {
      for (const type of ['HMAC_SHA256', 'ED25519'] as const) {
        const bot = await newBot(a.app, { type });
        ok(await signedCall(b.app, bot, 'POST', 'order', BUY));
        ok(await signedCall(b.app, bot, 'GET', 'account'));
        const revoked = await a.app.inject({ method: 'DELETE', url: `/api/auth/api-keys/${bot.keyId}`, headers: bearer(bot.trader.token) });
        expect(revoked.statusCode, revoked.body).toBe(204);
        expectBinanceError(await signedCall(b.app, bot, 'POST', 'order', BUY), 401, -2015);
        expectBinanceError(await signedCall(b.app, bot, 'GET', 'account'), 401, -2015);
        expectBinanceError(await signedCall(a.app, bot, 'GET', 'account'), 401, -2015);
        expect((await portfolioOf(b.app, bot.trader)).positions[0], type).toMatchObject({ quantity: '0.001' });
      }
    });
  });
}
