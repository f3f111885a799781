/**
 * Request helpers for the trading and portfolio suites, over an app from `startTestApp` with
 * `modules: TRADING_MODULES` (prices come from its `prices` option or `setPrice`).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Order, PlaceOrderRequest, PlaceOrderResponse, Portfolio, TickEventV1 } from '@cryptosim/contracts';
import { bearer, registerUser } from '../../accounts/testing/clients.js';
import { portfolioModule } from '../../portfolio/index.js';
import { tradingModule } from '../index.js';

/** What a trading test app runs besides accounts. */
export const TRADING_MODULES = [tradingModule, portfolioModule];

export interface Trader {
  id: number;
  token: string;
  headers: Record<string, string>;
}

export async function newTrader(app: FastifyInstance): Promise<Trader> {
  const user = await registerUser(app);
  return { id: user.user.id, token: user.accessToken, headers: bearer(user.accessToken) };
}

export function order(app: FastifyInstance, trader: Trader, side: 'buy' | 'sell', body: Partial<PlaceOrderRequest> | Record<string, unknown>): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: `/api/trading/${side}`, headers: trader.headers, payload: body });
}

export async function placed(res: LightMyRequestResponse, status = 201): Promise<PlaceOrderResponse> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as PlaceOrderResponse;
}

export async function portfolioOf(app: FastifyInstance, trader: Trader): Promise<Portfolio> {
  const res = await app.inject({ method: 'GET', url: '/api/portfolio', headers: trader.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Portfolio;
}

export async function orderOf(app: FastifyInstance, trader: Trader, id: number): Promise<Order> {
  const res = await app.inject({ method: 'GET', url: `/api/trading/orders/${id}`, headers: trader.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Order;
}

let seq = 0;

/** A market.ticks message as ingest publishes it. */
export function tickMessage(symbol: string, price: string, volume24h = '100000000'): { key: string; value: string } {
  const tick: TickEventV1 = { v: 1, source: 'simulator', symbol, price, open24h: price, high24h: price, low24h: price, volume24h, eventTime: Date.now(), seq: seq++ };
  return { key: symbol, value: JSON.stringify(tick) };
}
