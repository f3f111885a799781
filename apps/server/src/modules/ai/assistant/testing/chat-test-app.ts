/**
 * Test support for the assistant suites: an API process (accounts, trading, portfolio, ai) over
 * one backend's storage, with a seeded market — live prices for six coins, 120 closed hourly bars
 * of BTC and ETH so the analysis and the default model's prediction have data — and a seeded
 * trader who bought BTC and ETH, sold some ETH and has a resting limit order.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { ChatReply } from '@cryptosim/contracts';
import { bearer, fromIp, newIp, registerUser } from '../../../accounts/testing/clients.js';
import { startTestApp, type TestStorage, type TestApp } from '../../../../testing/test-app.js';
import { portfolioModule } from '../../../portfolio/index.js';
import { tradingModule } from '../../../trading/index.js';
import { setPrice } from '../../../../testing/test-prices.js';
import { syntheticCandles } from '../../engine/synthetic-candles.js';
import { ensureDefaultModel, aiModule } from '../../index.js';

const H = 3_600_000;
export const PRICES: Record<string, string> = {
  BTCUSDT: '64123.45',
  ETHUSDT: '3012.5',
  XRPUSDT: '0.5234',
  SOLUSDT: '142.87',
  DOGEUSDT: '0.1234',
  BNBUSDT: '580.1',
};

export interface Trader {
  id: number;
  headers: Record<string, string>;
}

export interface ChatTestApp {
  app: FastifyInstance;
  test: TestApp;
  trader: Trader;
  newTrader(): Promise<Trader>;
  close(): Promise<void>;
}

async function seedCandles(storage: TestStorage): Promise<void> {
  // The last bar closes at the latest whole hour: predictions refuse a market more than a few bars old.
  const start = Math.floor(Date.now() / H) * H - 120 * H;
  for (const [symbol, seed, price] of [['BTCUSDT', 7, 60_000], ['ETHUSDT', 8, 3_000]] as const) {
    const rows = syntheticCandles(120, { seed, start, price });
    const values = rows.map((c) => sql`(${symbol}, '1h', ${c.openTime}, ${c.open.toFixed(2)}, ${c.high.toFixed(2)}, ${c.low.toFixed(2)}, ${c.close.toFixed(2)}, ${c.volume.toFixed(3)})`);
    await storage.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume) values ${sql.join(values, sql`, `)}`);
    // The 1m candle closing the last hour bar: the market counts a bar closed once it is stored.
    const last = rows[rows.length - 1]!;
    const close = last.close.toFixed(2);
    await storage.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume) values (${symbol}, '1m', ${last.openTime + H - 60_000}, ${close}, ${close}, ${close}, ${close}, '1')`);
  }
}

export function placeOrder(app: FastifyInstance, trader: Trader, side: 'buy' | 'sell', body: object): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/trading/${side}`, headers: trader.headers, payload: body });
}

export async function startChatApp(storage: TestStorage, env: Record<string, string> = {}): Promise<ChatTestApp> {
  const test = await startTestApp({ on: storage, modules: [tradingModule, portfolioModule, aiModule], env: { SLIPPAGE_K: '0', AI_CHAT_RATE_PER_MINUTE: '10000', ...env } });
  const app = test.app;
  for (const [symbol, price] of Object.entries(PRICES)) await setPrice(test.ports.cache, symbol, price);
  await seedCandles(storage);
  await ensureDefaultModel(storage.db.db);
  const newTrader = async (): Promise<Trader> => {
    const user = await registerUser(app);
    return { id: user.user.id, headers: { ...bearer(user.accessToken), ...fromIp(newIp()) } };
  };
  const trader = await newTrader();
  for (const [side, body] of [
    ['buy', { symbol: 'BTCUSDT', quantity: '0.01' }],
    ['buy', { symbol: 'ETHUSDT', quantity: '1.5' }],
    ['sell', { symbol: 'ETHUSDT', quantity: '0.5' }],
    ['buy', { symbol: 'SOLUSDT', type: 'LIMIT', quantity: '2', price: '120' }],
  ] as const) {
    const res = await placeOrder(app, trader, side, body);
    expect(res.statusCode, `seeding ${side} ${JSON.stringify(body)}: ${res.body}`).toBe(201);
  }
  return { app, test, trader, newTrader, close: () => test.close() };
}

export async function ask(app: FastifyInstance, trader: Trader, message: string, extra: Record<string, unknown> = {}): Promise<ChatReply> {
  const res = await app.inject({ method: 'POST', url: '/api/ai/chat', headers: { ...trader.headers, accept: 'application/json' }, payload: { message, ...extra } });
  expect(res.statusCode, `asking ${JSON.stringify(message)}: ${res.body}`).toBe(200);
  return res.json() as ChatReply;
}
