/**
 * Two evaluators on one PostgreSQL (as two projector processes would be) race on the same
 * ticks: each crossing fires once. And an evaluator started afresh (a restart) arms itself from
 * the database: it fires what is armed and never what already fired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { alertNotifications, priceAlerts } from '../../../db/schema.js';
import type { DbPort } from '../../../ports/db/db-port.js';
import { createPostgresDb } from '../../../ports/db/postgres-db.js';
import { silent, startTestApp, testBackend, testBackends, type TestApp, type TestStorage } from '../../../testing/test-app.js';
import { createdAlert } from '../testing/alert-clients.js';
import { alertsModule } from '../index.js';
import { startAlertEvaluator } from './alert-evaluator.js';

const services = await testBackend('services');

describe.skipIf(services.skipReason !== undefined)('two evaluators racing on PostgreSQL', () => {
  let storage: TestStorage;
  let t: TestApp;
  let secondDb: DbPort;

  beforeAll(async () => {
    storage = await services.open();
    t = await startTestApp({ on: storage, modules: [alertsModule], prices: { BTCUSDT: '50000' } });
    // The second "process": its own connection pool and cache client on the same database.
    secondDb = createPostgresDb({ url: storage.services!.databaseUrl, logger: silent });
  }, 60_000);
  afterAll(async () => {
    await secondDb?.close();
    await t?.close();
    await storage?.close();
  });

  it('when both see the ticks that cross 20 alerts at the same moment, then each alert fires exactly once', async () => {
    const me = await t.signUp();
    const made = [];
    for (let i = 0; i < 20; i++) made.push(await createdAlert(t.app, me.headers, { symbol: 'BTCUSDT', condition: 'PRICE_ABOVE', price: String(50_001 + i) }));
    const [a, b] = await Promise.all([
      startAlertEvaluator({ db: storage.db, cache: storage.cache(), logger: silent }),
      startAlertEvaluator({ db: secondDb, cache: storage.cache(), logger: silent }),
    ]);
    try {
      expect([a.index.size, b.index.size]).toEqual([20, 20]);
      const ticks = ['50005', '50010', '50030'].map((price, i) => ({ symbol: 'BTCUSDT', price, eventTime: 1_000 + i }));
      const fired = await Promise.all([a, b].map(async (e) => {
        let n = 0;
        for (const tick of ticks) n += await e.tick(tick);
        return n;
      }));
      expect(fired[0]! + fired[1]!).toBe(20);
      const [notes] = await storage.db.db.select({ n: count() }).from(alertNotifications).where(eq(alertNotifications.userId, me.user.id));
      expect(notes!.n).toBe(20);
      const statuses = await storage.db.db.select({ status: priceAlerts.status }).from(priceAlerts).where(eq(priceAlerts.userId, me.user.id));
      expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['TRIGGERED']));
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`evaluator restart on ${backend.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ on: backend, modules: [alertsModule], prices: { ETHUSDT: '2000' } });
    }, 60_000);
    afterAll(async () => {
      await t?.close();
    });

    it('when an evaluator restarts, then it arms itself from the database: armed alerts fire, fired ones never again', async () => {
      const me = await t.signUp();
      const deps = { db: t.ports.db, cache: t.ports.cache, logger: silent };
      const first = await startAlertEvaluator(deps);
      await first.stop();
      // Created while no evaluator runs.
      const a = await createdAlert(t.app, me.headers, { symbol: 'ETHUSDT', condition: 'PRICE_BELOW', price: '1900' });
      const second = await startAlertEvaluator(deps);
      expect(second.index.has(a.id)).toBe(true);
      expect(await second.tick({ symbol: 'ETHUSDT', price: '1899', eventTime: 1 })).toBe(1);
      await second.stop();
      const third = await startAlertEvaluator(deps);
      expect(third.index.has(a.id)).toBe(false);
      expect(await third.tick({ symbol: 'ETHUSDT', price: '1800', eventTime: 2 })).toBe(0);
      await third.stop();
      const [notes] = await t.ports.db.db.select({ n: count() }).from(alertNotifications).where(eq(alertNotifications.alertId, a.id));
      expect(notes!.n).toBe(1);
    });
  });
}
