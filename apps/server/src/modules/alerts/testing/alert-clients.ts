/** Test helpers for the alerts module: ticks on the bus and the alert API as a signed-in user. */
import { MarketTopics, type Alert, type AlertNotificationsResponse, type TickEventV1 } from '@cryptosim/contracts';
import type { FastifyInstance } from 'fastify';
import type { BusPort } from '../../../ports/bus/bus-port.js';

let seq = 0;

export function tick(symbol: string, price: string, eventTime = Date.now()): TickEventV1 {
  return { v: 1, source: 'simulator', symbol, price, open24h: price, high24h: price, low24h: price, volume24h: '1000', eventTime, seq: seq++ };
}

export async function publishTicks(bus: BusPort, symbol: string, ...prices: string[]): Promise<void> {
  await bus.publish(MarketTopics.ticks, prices.map((p) => ({ key: symbol, value: JSON.stringify(tick(symbol, p)) })));
}

export async function createdAlert(app: FastifyInstance, headers: Record<string, string>, payload: Record<string, unknown>): Promise<Alert> {
  const res = await app.inject({ method: 'POST', url: '/api/alerts', headers, payload });
  if (res.statusCode !== 201) throw new Error(`POST /api/alerts: ${res.statusCode} ${res.body}`);
  return res.json() as Alert;
}

export async function notificationsOf(app: FastifyInstance, headers: Record<string, string>): Promise<AlertNotificationsResponse> {
  const res = await app.inject({ url: '/api/alerts/notifications', headers });
  if (res.statusCode !== 200) throw new Error(`GET /api/alerts/notifications: ${res.statusCode} ${res.body}`);
  return res.json() as AlertNotificationsResponse;
}
