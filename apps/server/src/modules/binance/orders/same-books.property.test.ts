/**
 * The Binance surface is a face on the one engine, not a second engine: any sequence of orders
 * (market buys and sells by quantity, limit buys and sells around the price, cancels, price
 * moves that fill resting orders) placed through /binance/api/v3 by one user leaves the same
 * books as the same sequence through /api/trading by another user on the same market: cash
 * and coins free and locked, open orders, every order's outcome, trades and fees, read both
 * through /api and through Binance's account, order and trade endpoints.
 */
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { MarketTopics, type Order, type OrdersResponse, type TradeHistoryResponse } from '@cryptosim/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { moduleContext } from '../../../app/module-context.js';
import type { Running } from '../../../kernel/module.js';
import { fromIp, newIp } from '../../accounts/testing/clients.js';
import { tradingModule } from '../../trading/index.js';
import { newTrader, tickMessage, type Trader } from '../../trading/testing/trading-clients.js';
import { eventually } from '../../../testing/eventually.js';
import { setPrice } from '../../../testing/test-prices.js';
import { silent } from '../../../testing/test-app.js';
import { startBinanceApp, type BinanceTestApp } from '../testing/binance-test-app.js';
import { newBot, ok, signedCall, type Bot } from '../testing/signed-bots.js';

const SYMBOL = 'BTCUSDT';
const START_PRICE = 50_000;

type Side = 'BUY' | 'SELL';
type Command =
  | { kind: 'market'; side: Side; lots: number }
  | { kind: 'limit'; side: Side; lots: number; offsetBp: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'move'; offsetBp: number };

const side = fc.constantFrom<Side>('BUY', 'SELL');
/** 0.001 BTC lots: up to 0.6 BTC an order, so a run of buys can exhaust the 100,000 USDT and sells can exceed what is held. */
const lots = fc.integer({ min: 1, max: 600 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('market' as const), side, lots }),
  { arbitrary: fc.record({ kind: fc.constant('limit' as const), side, lots, offsetBp: fc.integer({ min: -300, max: 300 }) }), weight: 2 },
  fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), offsetBp: fc.integer({ min: -400, max: 400 }) }),
);

let t: BinanceTestApp;
let matcher: Running;
let price = START_PRICE;

beforeAll(async () => {
  t = await startBinanceApp({ [SYMBOL]: String(START_PRICE) });
  const ctx = { ...moduleContext({ config: t.config, ports: t.ports, logger: silent }), signal: new AbortController().signal };
  // The trading module's projector entry point is its matcher: it fills resting orders on ticks.
  const [matcherEntryPoint] = tradingModule.entryPoints?.projector ?? [];
  if (!matcherEntryPoint) throw new Error('the trading module has no matcher entry point');
  matcher = await matcherEntryPoint.start(ctx);
}, 180_000);
afterAll(async () => {
  await matcher?.stop();
  await t?.close();
});

const priceAt = (offsetBp: number) => (Math.round(price * (1 + offsetBp / 10_000) * 100) / 100).toFixed(2);

/** The price for placements (the ticker) and for the matcher (a tick on the bus). */
async function movePrice(to: string) {
  price = Number(to);
  await setPrice(t.ports.cache, SYMBOL, to);
  await t.ports.bus.publish(MarketTopics.ticks, [tickMessage(SYMBOL, to)]);
}

/** The same user through /api, from an address of its own (the per-address limits are not under test). */
interface Person {
  trader: Trader;
  ip: string;
}
const api = (p: Person, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: { ...p.trader.headers, ...fromIp(p.ip) }, ...(payload && { payload }) });

function json<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as T;
}

/** What an order attempt came to: refused, or the order's status once placed. */
type Outcome = { refused: true } | { refused: false; status: string; orderId: number };

async function viaBinance(bot: Bot, c: Command): Promise<Outcome> {
  const params: Record<string, string> =
    c.kind === 'market'
      ? { symbol: SYMBOL, side: c.side, type: 'MARKET', quantity: (c.lots / 1000).toFixed(3) }
      : { symbol: SYMBOL, side: (c as { side: Side }).side, type: 'LIMIT', timeInForce: 'GTC', quantity: ((c as { lots: number }).lots / 1000).toFixed(3), price: priceAt((c as { offsetBp: number }).offsetBp) };
  const res = await signedCall(t.app, bot, 'POST', 'order', { ...params, newOrderRespType: 'RESULT' });
  if (res.statusCode !== 200) return { refused: true };
  const body = res.json() as { status: string; orderId: number };
  return { refused: false, status: body.status, orderId: body.orderId };
}

async function viaApi(p: Person, c: Command): Promise<Outcome> {
  const body =
    c.kind === 'market'
      ? { symbol: SYMBOL, type: 'MARKET', quantity: (c.lots / 1000).toFixed(3) }
      : { symbol: SYMBOL, type: 'LIMIT', timeInForce: 'GTC', quantity: ((c as { lots: number }).lots / 1000).toFixed(3), price: priceAt((c as { offsetBp: number }).offsetBp) };
  const res = await api(p, 'POST', `/api/trading/${(c as { side: Side }).side.toLowerCase()}`, body);
  if (res.statusCode >= 300) return { refused: true };
  const { order } = res.json() as { order: Order };
  return { refused: false, status: order.status, orderId: order.id };
}

async function openOrders(p: Person): Promise<Order[]> {
  return json<OrdersResponse>(await api(p, 'GET', `/api/trading/orders?status=open&symbol=${SYMBOL}&limit=500`)).orders;
}

/** No open limit order of either user lies where the matcher would fill it at the current price. */
async function matcherCaughtUp(people: Person[]): Promise<boolean> {
  for (const p of people) {
    for (const o of await openOrders(p)) {
      const limit = Number(o.price);
      if ((o.side === 'BUY' && limit >= price) || (o.side === 'SELL' && limit <= price)) return false;
    }
  }
  return true;
}

/** Each book without what differs by construction between two users (ids, client ids, times). */
async function apiBooks(p: Person) {
  const portfolio = json<Record<string, unknown>>(await api(p, 'GET', '/api/portfolio'));
  const orders = json<OrdersResponse>(await api(p, 'GET', '/api/trading/orders?status=all&limit=500')).orders.map(
    ({ id: _id, clientOrderId: _c, createdAt: _a, updatedAt: _u, triggeredAt: _tr, ...rest }) => rest,
  );
  const trades = json<TradeHistoryResponse>(await api(p, 'GET', '/api/trading/history?limit=500')).transactions.map(
    ({ id: _id, orderId: _o, createdAt: _a, ...rest }) => rest,
  );
  return { portfolio, orders, trades };
}

async function binanceBooks(bot: Bot) {
  const account = ok<{ balances: unknown[]; commissionRates: unknown }>(await signedCall(t.app, bot, 'GET', 'account'));
  const strip = (o: Record<string, unknown>) => {
    const { orderId: _o, clientOrderId: _c, time: _t, updateTime: _u, workingTime: _w, id: _id, ...rest } = o;
    return rest;
  };
  const open = ok<Array<Record<string, unknown>>>(await signedCall(t.app, bot, 'GET', 'openOrders', { symbol: SYMBOL })).map(strip);
  const all = ok<Array<Record<string, unknown>>>(await signedCall(t.app, bot, 'GET', 'allOrders', { symbol: SYMBOL, limit: '1000' })).map(strip);
  const trades = ok<Array<Record<string, unknown>>>(await signedCall(t.app, bot, 'GET', 'myTrades', { symbol: SYMBOL, limit: '1000' })).map(strip);
  return { balances: account.balances, commissionRates: account.commissionRates, open, all, trades };
}

describe('Binance orders and /api/trading orders on one engine', () => {
  it('when the same random sequence is placed through /binance/api/v3 and through /api/trading, then both users end with the same books', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 12 }), async (commands) => {
        await movePrice(String(START_PRICE));
        const bot = await newBot(t.app);
        const viaBot: Person = { trader: bot.trader, ip: newIp() };
        const person: Person = { trader: await newTrader(t.app), ip: newIp() };
        const personKey = await newBot(t.app, { trader: person.trader, permissions: ['read'] });
        const placed: Array<{ bot: number; api: number }> = [];

        for (const c of commands) {
          if (c.kind === 'move') {
            await movePrice(priceAt(c.offsetBp));
            await eventually('the matcher has filled what the move crossed', () => matcherCaughtUp([viaBot, person]));
          } else if (c.kind === 'cancel') {
            if (placed.length === 0) continue;
            const pair = placed[c.pick % placed.length]!;
            const a = await signedCall(t.app, bot, 'DELETE', 'order', { symbol: SYMBOL, orderId: String(pair.bot) });
            const b = await api(person, 'DELETE', `/api/trading/orders/${pair.api}`);
            expect({ cancel: c, canceled: b.statusCode < 300 }).toEqual({ cancel: c, canceled: a.statusCode === 200 });
          } else {
            const a = await viaBinance(bot, c);
            const b = await viaApi(person, c);
            expect({ command: c, refused: b.refused, status: b.refused ? null : b.status }).toEqual({ command: c, refused: a.refused, status: a.refused ? null : a.status });
            if (!a.refused && !b.refused) placed.push({ bot: a.orderId, api: b.orderId });
          }
        }

        expect(await apiBooks(viaBot)).toEqual(await apiBooks(person));
        expect(await binanceBooks(bot)).toEqual(await binanceBooks(personKey));
      }),
      { numRuns: 12, endOnFailure: true },
    );
  }, 120_000);
});
