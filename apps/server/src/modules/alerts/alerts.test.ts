/**
 * /api/alerts on both backends through buildApp + inject, with the evaluator running in the
 * same process (api + projector roles) on the in-process bus: validation and limits, firing
 * once per crossing, re-arming, the alert centre and the /ws/alerts push.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Alert, type AlertsResponse, MAX_ACTIVE_ALERTS_PER_USER } from '@cryptosim/contracts';
import { priceAlerts } from '../../db/schema.js';
import { eventually } from '../../testing/eventually.js';
import { setPrice } from '../../testing/test-prices.js';
import { startTestApp, testBackends, type TestApp } from '../../testing/test-app.js';
import { openSocket } from '../accounts/testing/socket-client.js';
import { createdAlert, notificationsOf, publishTicks } from './testing/alert-clients.js';
import { alertsModule } from './index.js';

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`alerts on ${backend.name}`, () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp({ on: backend, modules: [alertsModule], roles: ['api', 'projector'], prices: { BTCUSDT: '50000', ETHUSDT: '2000' } });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    const alertOf = async (headers: Record<string, string>, id: string) =>
      ((await t.app.inject({ url: '/api/alerts', headers })).json() as AlertsResponse).alerts.find((a) => a.id === id);

    it('when input is wrong, then 400/404/409 problems name the field or the reason', async () => {
      const me = await t.signUp();
      const post = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/alerts', headers: me.headers, payload });
      const missing = await post({ symbol: 'BTCUSDT', condition: 'PRICE_ABOVE' });
      expect(missing.statusCode).toBe(400);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/price' }] });
      const mixed = await post({ symbol: 'BTCUSDT', condition: 'PERCENT_MOVE', percent: '2', windowMinutes: 5, price: '1' });
      expect(mixed.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: '/price' }] });
      expect((await post({ symbol: 'BTCUSDT', condition: 'PERCENT_MOVE', percent: '0', windowMinutes: 5 })).statusCode).toBe(400);
      expect((await post({ symbol: 'BTCUSDT', condition: 'PERCENT_MOVE', percent: '2', windowMinutes: 1441 })).statusCode).toBe(400);
      expect((await post({ symbol: 'BTCUSDT', condition: 'SIDEWAYS', price: '1' })).statusCode).toBe(400);
      expect((await post({ symbol: 'BTCUSDT', condition: 'PRICE_BELOW', price: '-5' })).statusCode).toBe(400);
      expect((await post({ symbol: 'NOPEUSDT', condition: 'PRICE_ABOVE', price: '1' })).json()).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
      const met = await post({ symbol: 'BTCUSDT', condition: 'PRICE_ABOVE', price: '49000' });
      expect(met.statusCode).toBe(409);
      expect(met.json()).toMatchObject({ code: 'ALERT_CONDITION_MET' });
      expect((await t.app.inject({ url: '/api/alerts' })).statusCode).toBe(401);
    });

    it('when a user edits or deletes, then only their own alerts change; another user gets 404', async () => {
      const [me, other] = [await t.signUp(), await t.signUp()];
      const a = await createdAlert(t.app, me.headers, { symbol: 'ETHUSDT', condition: 'PERCENT_MOVE', percent: '3.5', windowMinutes: 15, note: 'eth swing' });
      expect(a).toMatchObject({ symbol: 'ETHUSDT', condition: 'PERCENT_MOVE', percent: '3.5', windowMinutes: 15, price: null, status: 'ACTIVE', note: 'eth swing' });
      expect((await t.app.inject({ method: 'PATCH', url: `/api/alerts/${a.id}`, headers: other.headers, payload: { percent: '1' } })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/alerts/${a.id}`, headers: other.headers })).statusCode).toBe(404);
      const edited = await t.app.inject({ method: 'PATCH', url: `/api/alerts/${a.id}`, headers: me.headers, payload: { percent: '1.25' } });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ percent: '1.25', windowMinutes: 15 });
      expect(((await t.app.inject({ url: '/api/alerts', headers: other.headers })).json() as AlertsResponse).alerts).toEqual([]);
      expect((await t.app.inject({ method: 'DELETE', url: `/api/alerts/${a.id}`, headers: me.headers })).statusCode).toBe(204);
      expect(await alertOf(me.headers, a.id)).toBeUndefined();
      expect((await t.app.inject({ method: 'DELETE', url: '/api/alerts/not-a-uuid', headers: me.headers })).statusCode).toBe(400);
    });

    it(`when a user holds ${MAX_ACTIVE_ALERTS_PER_USER} active alerts, then the next is refused with ALERT_LIMIT_REACHED`, async () => {
      const me = await t.signUp();
      await t.ports.db.db.insert(priceAlerts).values(
        Array.from({ length: MAX_ACTIVE_ALERTS_PER_USER - 1 }, (_, i) => ({ userId: me.user.id, symbol: 'BTCUSDT', condition: 'PRICE_ABOVE' as const, price: String(900_000 + i) })),
      );
      const last = await createdAlert(t.app, me.headers, { symbol: 'BTCUSDT', condition: 'PRICE_BELOW', price: '1' });
      const over = await t.app.inject({ method: 'POST', url: '/api/alerts', headers: me.headers, payload: { symbol: 'BTCUSDT', condition: 'PRICE_BELOW', price: '2' } });
      expect(over.statusCode).toBe(409);
      expect(over.json()).toMatchObject({ code: 'ALERT_LIMIT_REACHED' });
      expect((await t.app.inject({ method: 'DELETE', url: `/api/alerts/${last.id}`, headers: me.headers })).statusCode).toBe(204);
      expect((await t.app.inject({ method: 'POST', url: '/api/alerts', headers: me.headers, payload: { symbol: 'BTCUSDT', condition: 'PRICE_BELOW', price: '2' } })).statusCode).toBe(201);
    });

    it('when the price crosses an alert, then it fires once (stored, pushed on /ws/alerts), and fires again only after a re-arm', async () => {
      const me = await t.signUp();
      const url = (await t.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
      const socket = await openSocket(`${url}/ws/alerts?token=${me.accessToken}`);
      expect(await socket.next()).toMatchObject({ type: 'authenticated' });
      // Created and ticked at once: the evaluator in this process indexed it before the reply.
      const a = await createdAlert(t.app, me.headers, { symbol: 'BTCUSDT', condition: 'PRICE_ABOVE', price: '50100', note: 'breakout' });
      await publishTicks(t.ports.bus, 'BTCUSDT', '50050', '50099.99');
      await publishTicks(t.ports.bus, 'BTCUSDT', '50100', '50200', '50300');
      const frame = await socket.next();
      expect(frame).toMatchObject({ type: 'alert', data: { alertId: a.id, symbol: 'BTCUSDT', condition: 'PRICE_ABOVE', price: '50100', triggeredPrice: '50100', note: 'breakout', read: false } });
      const fired = await eventually('the alert to be TRIGGERED', async () => {
        const now = await alertOf(me.headers, a.id);
        return now?.status === 'TRIGGERED' ? now : undefined;
      });
      expect(fired).toMatchObject({ triggeredPrice: '50100' });
      await publishTicks(t.ports.bus, 'BTCUSDT', '49000', '51000');
      // The later crossing fires nothing: re-arm first. A marker alert proves the ticks were evaluated.
      const marker = await createdAlert(t.app, me.headers, { symbol: 'BTCUSDT', condition: 'PRICE_BELOW', price: '40000' });
      await publishTicks(t.ports.bus, 'BTCUSDT', '39000');
      await eventually('the marker to fire', async () => (await alertOf(me.headers, marker.id))?.status === 'TRIGGERED');
      expect((await notificationsOf(t.app, me.headers)).notifications.map((n) => n.alertId)).toEqual([marker.id, a.id]);

      await setPrice(t.ports.cache, 'BTCUSDT', '39000');
      const rearmed = await t.app.inject({ method: 'PATCH', url: `/api/alerts/${a.id}`, headers: me.headers, payload: { price: '39500' } });
      expect(rearmed.json() as Alert).toMatchObject({ status: 'ACTIVE', price: '39500', triggeredAt: null });
      await publishTicks(t.ports.bus, 'BTCUSDT', '39600');
      await eventually('the re-armed alert to fire', async () => (await notificationsOf(t.app, me.headers)).notifications.length === 3);
      await setPrice(t.ports.cache, 'BTCUSDT', '50000');
      socket.ws.close();

      const centre = await notificationsOf(t.app, me.headers);
      expect(centre.unread).toBe(3);
      const one = await t.app.inject({ method: 'POST', url: `/api/alerts/notifications/${centre.notifications[0]!.id}/read`, headers: me.headers });
      expect(one.json()).toEqual({ unread: 2 });
      expect((await t.app.inject({ url: '/api/alerts/notifications?unread=true', headers: me.headers })).json()).toMatchObject({ unread: 2, notifications: [{}, {}] });
      const all = await t.app.inject({ method: 'POST', url: '/api/alerts/notifications/read-all', headers: me.headers });
      expect(all.json()).toEqual({ unread: 0 });
      const other = await t.signUp();
      expect((await t.app.inject({ method: 'POST', url: `/api/alerts/notifications/${centre.notifications[0]!.id}/read`, headers: other.headers })).statusCode).toBe(404);
    });
  });
}
