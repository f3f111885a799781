/**
 * GET/PUT /api/auth/chart-layout through buildApp + inject on both backends: the default,
 * a saved layout read back per user, and every kind of invalid body refused as problem+json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHART_LAYOUT, type ChartLayout } from '@cryptosim/contracts';
import { startTestApp, testBackends, type TestApp } from '../../testing/test-app.js';

const URL = '/api/auth/chart-layout';
const layout: ChartLayout = { interval: '1w', indicators: ['ema', 'rsi', 'bollinger'], periods: { sma: 10, ema: 21, bollinger: 30, bollingerWidth: 2.5, rsi: 7 } };

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`chart layout on ${backend.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ on: backend, user: true });
    }, 60_000);
    afterAll(async () => t?.close());

    it('when nothing was saved, then GET answers the default layout', async () => {
      const res = await t.app.inject({ url: URL, headers: t.headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(DEFAULT_CHART_LAYOUT);
    });

    it('when a layout is saved, then GET answers it to its user only, and a second PUT replaces it', async () => {
      const put = await t.app.inject({ method: 'PUT', url: URL, headers: t.headers, payload: layout });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toEqual(layout);
      expect((await t.app.inject({ url: URL, headers: t.headers })).json()).toEqual(layout);

      const other = await t.signUp();
      expect((await t.app.inject({ url: URL, headers: other.headers })).json(), 'another user still has the default').toEqual(DEFAULT_CHART_LAYOUT);

      const next = { ...layout, interval: '3m', indicators: [] };
      expect((await t.app.inject({ method: 'PUT', url: URL, headers: t.headers, payload: next })).statusCode).toBe(200);
      expect((await t.app.inject({ url: URL, headers: t.headers })).json()).toEqual(next);
    });

    it.each([
      ['an unknown interval', { ...layout, interval: '2h' }, 'body/interval'],
      ['an unknown indicator', { ...layout, indicators: ['macd'] }, 'body/indicators/0'],
      ['a repeated indicator', { ...layout, indicators: ['sma', 'sma'] }, 'body/indicators'],
      ['a period below its minimum', { ...layout, periods: { ...layout.periods, sma: 1 } }, 'body/periods/sma'],
      ['a fractional period', { ...layout, periods: { ...layout.periods, rsi: 14.5 } }, 'body/periods/rsi'],
      ['a σ above its maximum', { ...layout, periods: { ...layout.periods, bollingerWidth: 9 } }, 'body/periods/bollingerWidth'],
      ['a missing period', { ...layout, periods: { sma: 20, ema: 50, bollinger: 20, rsi: 14 } }, 'body/periods/bollingerWidth'],
      ['an unknown field', { ...layout, theme: 'dark' }, 'body/theme'],
    ])('when the body has %s, then PUT answers 400 VALIDATION_FAILED naming it and stores nothing', async (_name, body, path) => {
      const before = (await t.app.inject({ url: URL, headers: t.headers })).json();
      const res = await t.app.inject({ method: 'PUT', url: URL, headers: t.headers, payload: body });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const problem = res.json() as { code: string; errors: Array<{ path: string }> };
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.errors.map((e) => e.path)).toContain(path);
      expect((await t.app.inject({ url: URL, headers: t.headers })).json()).toEqual(before);
    });

    it('when the caller is anonymous, then both answer 401', async () => {
      expect((await t.app.inject({ url: URL })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'PUT', url: URL, payload: layout })).statusCode).toBe(401);
    });
  });
}
