/**
 * The AI module's stored side through buildApp + inject on both backends (PGlite with
 * MemoryJobs, PostgreSQL with BullMQ): the registry and its promotion, the scoring job on the
 * jobs port (late, missing and void outcomes, idempotence, concurrent workers) and the
 * predictions and track-record endpoints.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSummary, ModelsResponse, PredictionsResponse, StoredPrediction, TrackRecord } from '@cryptosim/contracts';
import { models, predictions } from '../../db/schema.js';
import { finishedRuns } from '../jobs/testing/job-runs.js';
import { startTestApp, testBackends, type TestApp } from '../../testing/test-app.js';
import { insertPrediction, type NewPrediction } from './predictions/prediction-repository.js';
import { SCORE_PREDICTIONS_JOB } from './predictions/score-predictions-entry-point.js';
import { scorePredictions, type ScoreReport } from './predictions/score-predictions.js';
import type { PromotionEvidence } from './registry/decide-promotion.js';
import { activate, insertCandidate } from './registry/model-repository.js';
import { promoteCandidate } from './registry/promote-candidate.js';
import { aiModule } from './index.js';

const H = 3_600_000;
const M = 60_000;
const WINDOW = { from: '2025-07-01T00:00:00.000Z', to: '2025-12-31T23:00:00.000Z' };
const VOID_AFTER = 3 * H;

const newModel = (version: string, theta: unknown = { BTCUSDT: 0.002, ETHUSDT: 0.003 }) => ({
  version,
  params: { interval: '1h', horizon: 1, theta },
  metrics: { walkForward: { balancedAccuracy: 0.4 } },
  artifact: JSON.stringify({ learner: { big: 'x'.repeat(1000) } }),
});

const evidence = (ba: number, ll: number, active: { version: string; ba: number; ll: number } | null): PromotionEvidence => ({
  candidate: { window: WINDOW, balancedAccuracy: ba, logLoss: ll },
  active: active && { version: active.version, window: WINDOW, balancedAccuracy: active.ba, logLoss: active.ll },
  baselines: { majority: { window: WINDOW, balancedAccuracy: 1 / 3, logLoss: 1.0986 }, persistence: { window: WINDOW, balancedAccuracy: 0.35, logLoss: 1.3 } },
});

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`AI registry, scoring and track record on ${backend.name}`, () => {
    let t: TestApp;
    const get = async <T>(url: string, status = 200): Promise<T> => {
      const res = await t.app.inject({ url, headers: t.headers });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
      return res.json() as T;
    };
    const statuses = async () => Object.fromEntries((await t.ports.db.db.select({ v: models.version, s: models.status }).from(models)).map((r) => [r.v, r.s]));

    beforeAll(async () => {
      t = await startTestApp({ on: backend, roles: ['api', 'worker'], modules: [aiModule], user: true, env: { PREDICTION_VOID_AFTER_MS: String(VOID_AFTER), JOB_PREDICT_EVERY_MS: '0', JOB_BATCH_PROCESSING_EVERY_MS: '0' } });
      // The registry tests start from an empty registry: drop the default model the start registered.
      await t.ports.db.db.delete(models);
    }, 60_000);
    afterAll(async () => t?.close());

    describe('registry', () => {
      it('when the first candidate beats both baselines, then it becomes the active model', async () => {
        await insertCandidate(t.ports.db.db, newModel('m1'));
        const decision = await promoteCandidate(t.ports.db.db, 'm1', evidence(0.4, 1.05, null));
        expect(decision).toMatchObject({ promote: true, reasons: [], against: null });
        const m1 = await get<ModelSummary>('/api/ai/models/m1');
        expect(m1).toMatchObject({ version: 'm1', status: 'active', params: { interval: '1h' } });
        expect(m1, 'no artifact in responses').not.toHaveProperty('artifact');
        expect((m1.metrics.promotion as { promote: boolean }).promote).toBe(true);
      });

      it('when a candidate does not beat the active model on log loss, then it stays a candidate and its metrics say why', async () => {
        await insertCandidate(t.ports.db.db, newModel('m2'));
        const decision = await promoteCandidate(t.ports.db.db, 'm2', evidence(0.42, 1.06, { version: 'm1', ba: 0.4, ll: 1.05 }));
        expect(decision.promote).toBe(false);
        const m2 = await get<ModelSummary>('/api/ai/models/m2');
        expect(m2.status).toBe('candidate');
        expect(m2.metrics.promotion).toMatchObject({ promote: false, reasons: ["log loss 1.0600 does not beat active model m1's 1.0500"] });
        expect(await statuses()).toMatchObject({ m1: 'active', m2: 'candidate' });
      });

      it('when a later candidate wins, then the active model is retired in the same step and only one is active', async () => {
        await insertCandidate(t.ports.db.db, newModel('m3'));
        expect((await promoteCandidate(t.ports.db.db, 'm3', evidence(0.43, 1.0, { version: 'm1', ba: 0.4, ll: 1.05 }))).promote).toBe(true);
        expect(await statuses()).toEqual({ m1: 'retired', m2: 'candidate', m3: 'active' });
      });

      it('when the candidate was evaluated against a model that is no longer active, then it stays a candidate', async () => {
        const decision = await promoteCandidate(t.ports.db.db, 'm2', evidence(0.9, 0.5, { version: 'm1', ba: 0.4, ll: 1.05 }));
        expect(decision).toMatchObject({ promote: false, reasons: ['the active model is m3, not m1 as when the candidate was evaluated'] });
        expect(await statuses()).toMatchObject({ m2: 'candidate', m3: 'active' });
      });

      it('when two winning candidates are promoted at once against the same active model, then exactly one becomes active', async () => {
        await insertCandidate(t.ports.db.db, newModel('m4'));
        await insertCandidate(t.ports.db.db, newModel('m5'));
        const rival = { version: 'm3', ba: 0.43, ll: 1.0 };
        const [a, b] = await Promise.all([
          promoteCandidate(t.ports.db.db, 'm4', evidence(0.5, 0.9, rival)),
          promoteCandidate(t.ports.db.db, 'm5', evidence(0.5, 0.9, rival)),
        ]);
        expect([a.promote, b.promote].sort(), 'one winner').toEqual([false, true]);
        const now = await statuses();
        expect(Object.values(now).filter((s) => s === 'active')).toHaveLength(1);
        expect(now.m3).toBe('retired');
      });

      it('when an activation fails half-way (the active retired, the new one not a candidate), then nothing of it remains', async () => {
        const before = await statuses();
        await expect(t.ports.db.db.transaction((tx) => activate(tx, 'm1'))).rejects.toThrow(/m1 is no longer a candidate/);
        expect(await statuses()).toEqual(before);
      });

      it('when a second model is set active behind the registry, then the database refuses it', async () => {
        await expect(t.ports.db.db.update(models).set({ status: 'active' }).where(eq(models.version, 'm2'))).rejects.toThrow();
        expect(Object.values(await statuses()).filter((s) => s === 'active')).toHaveLength(1);
      });

      it('when models are listed, then newest first, a page at a time, without artifacts', async () => {
        const first = await get<ModelsResponse>('/api/ai/models?limit=2');
        expect(first.models.map((m) => m.version)).toEqual(['m5', 'm4']);
        expect(first.models.every((m) => !('artifact' in m))).toBe(true);
        const second = await get<ModelsResponse>(`/api/ai/models?limit=2&cursor=${first.nextCursor}`);
        expect(second.models.map((m) => m.version)).toEqual(['m3', 'm2']);
        const last = await get<ModelsResponse>(`/api/ai/models?limit=2&cursor=${second.nextCursor}`);
        expect(last).toMatchObject({ nextCursor: null });
        expect(last.models.map((m) => m.version)).toEqual(['m1']);
      });

      it('when a version is unknown, malformed, or the cursor is not ours, then 404 and 400 problems', async () => {
        expect(await get('/api/ai/models/nope', 404)).toMatchObject({ code: 'NOT_FOUND' });
        expect(await get('/api/ai/models/bad%20version', 400)).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect(await get('/api/ai/models?cursor=abc', 400)).toMatchObject({ code: 'VALIDATION_FAILED' });
        expect(await get('/api/ai/models?limit=0', 400)).toMatchObject({ code: 'VALIDATION_FAILED' });
      });
    });

    describe('scoring and track record', () => {
      // Whole hours in the past, so "due", "overdue" and "not yet" hold whatever the clock says.
      const base = Math.floor(Date.now() / H) * H;
      const candle = async (symbol: string, openTime: number, close: string) => {
        await t.ports.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume)
          values (${symbol}, '1m', ${openTime}, ${close}, ${close}, ${close}, ${close}, '1')`);
      };
      const predict = (p: Partial<NewPrediction> & { resolveAt: Date }) =>
        insertPrediction(t.ports.db.db, {
          modelVersion: 'm1',
          symbol: 'BTCUSDT',
          horizon: '1h',
          label: 'UP',
          probabilities: { UP: 0.5, DOWN: 0.3, FLAT: 0.2 },
          priceAt: '100',
          generatedAt: new Date(p.resolveAt.getTime() - H),
          ...p,
        });
      const view = async (id: number) => (await get<PredictionsResponse>('/api/ai/predictions?limit=500')).predictions.find((p) => p.id === id)!;
      const lastSummary = async (count: number) => (await finishedRuns(t, SCORE_PREDICTIONS_JOB, count))[0]!;
      const ids: Record<string, number> = {};

      it('when the job runs, then a due prediction is scored from the close at its horizon, a late one waits, an overdue one falls back or is void', async () => {
        // up: +1 % against θ 0.2 % → UP; flat: +0.1 % → FLAT; down on ETH (θ 0.3 %): −0.5 % → DOWN.
        ids.up = await predict({ resolveAt: new Date(base - 8 * H) });
        await candle('BTCUSDT', base - 8 * H - M, '101');
        ids.flat = await predict({ resolveAt: new Date(base - 7 * H), label: 'FLAT' });
        await candle('BTCUSDT', base - 7 * H - M, '100.1');
        ids.down = await predict({ resolveAt: new Date(base - 6 * H), symbol: 'ETHUSDT', label: 'DOWN', priceAt: '2000' });
        await candle('ETHUSDT', base - 6 * H - M, '1990');
        // The horizon minute never came; one 3 minutes before did, and the wait is over.
        ids.fallback = await predict({ resolveAt: new Date(base - 5 * H) });
        await candle('BTCUSDT', base - 5 * H - 3 * M, '99');
        // Nothing near the horizon, wait over: void.
        ids.void = await predict({ resolveAt: new Date(base - 4 * H) });
        // Due but its candle is late, still within the wait.
        ids.late = await predict({ resolveAt: new Date(base - H), label: 'DOWN' });
        await candle('BTCUSDT', base - H - 2 * M, '50'); // not the horizon minute: must not be used yet
        // Not due yet.
        ids.future = await predict({ resolveAt: new Date(base + 2 * H) });

        await t.ports.jobs.enqueue(SCORE_PREDICTIONS_JOB);
        const run = await lastSummary(1);
        expect(run).toMatchObject({ status: 'succeeded', summary: { scored: 4, voided: 1, waiting: 1, lostRaces: 0 } });

        expect(await view(ids.up!)).toMatchObject({ status: 'scored', outcome: 'UP', priceAt: '100', resolvedPrice: '101' });
        expect(await view(ids.flat!)).toMatchObject({ status: 'scored', outcome: 'FLAT', resolvedPrice: '100.1' });
        expect(await view(ids.down!)).toMatchObject({ status: 'scored', outcome: 'DOWN', resolvedPrice: '1990' });
        expect(await view(ids.fallback!)).toMatchObject({ status: 'scored', outcome: 'DOWN', resolvedPrice: '99' });
        expect(await view(ids.void!)).toMatchObject({ status: 'void', outcome: null, resolvedPrice: null });
        expect((await view(ids.void!)).scoredAt).not.toBeNull();
        expect(await view(ids.late!)).toMatchObject({ status: 'pending', outcome: null, scoredAt: null });
        expect(await view(ids.future!)).toMatchObject({ status: 'pending' });
      });

      it('when the job runs again, then nothing is scored twice; when the late candle arrives, then that prediction is scored', async () => {
        await t.ports.jobs.enqueue(SCORE_PREDICTIONS_JOB);
        expect((await lastSummary(2)).summary).toEqual({ scored: 0, voided: 0, waiting: 1, lostRaces: 0 });
        await candle('BTCUSDT', base - H - M, '99.5');
        await t.ports.jobs.enqueue(SCORE_PREDICTIONS_JOB);
        expect((await lastSummary(3)).summary).toEqual({ scored: 1, voided: 0, waiting: 0, lostRaces: 0 });
        expect(await view(ids.late!)).toMatchObject({ status: 'scored', outcome: 'DOWN', resolvedPrice: '99.5' });
        const [row] = await t.ports.db.db.select().from(predictions).where(eq(predictions.id, ids.up!));
        expect(row!.outcome, 'the first score stands').toBe('UP');
      });

      it('when two workers score the same due predictions at once, then each prediction is scored exactly once', async () => {
        const fresh: number[] = [];
        for (let i = 0; i < 20; i++) {
          const resolveAt = base - 30 * H + i * M * 2;
          fresh.push(await predict({ resolveAt: new Date(resolveAt), symbol: 'ETHUSDT', priceAt: '2000', label: 'FLAT' }));
          await candle('ETHUSDT', resolveAt - M, '2000');
        }
        const reports: ScoreReport[] = await Promise.all([0, 1].map(() => scorePredictions({ db: t.ports.db.db, voidAfterMs: VOID_AFTER, batchSize: 7 })));
        expect(reports[0]!.scored + reports[1]!.scored, JSON.stringify(reports)).toBe(20);
        // Without the guarded update both workers would count the rows they both wrote, and the sum would pass 20.
        const rows = await t.ports.db.db.select({ outcome: predictions.outcome }).from(predictions).where(inArray(predictions.id, fresh));
        expect(rows.map((r) => r.outcome)).toEqual(fresh.map(() => 'FLAT'));
      });

      it('when the model has no θ for a symbol, then its predictions wait and are void once overdue, never guessed', async () => {
        await t.ports.db.db.insert(models).values({ ...newModel('no-theta', {}), status: 'retired' });
        const waiting = await predict({ modelVersion: 'no-theta', resolveAt: new Date(base - H) });
        const overdue = await predict({ modelVersion: 'no-theta', resolveAt: new Date(base - 10 * H) });
        await candle('BTCUSDT', base - 10 * H - M, '101');
        const report = await scorePredictions({ db: t.ports.db.db, voidAfterMs: VOID_AFTER });
        expect(report).toMatchObject({ scored: 0, voided: 1 });
        expect(await view(overdue)).toMatchObject({ status: 'void' });
        expect(await view(waiting)).toMatchObject({ status: 'pending' });
      });

      it('when predictions are listed, then newest first, by symbol, a page at a time, with status and outcome', async () => {
        const all = await get<PredictionsResponse>('/api/ai/predictions?symbol=BTCUSDT&limit=3');
        expect(all.predictions).toHaveLength(3);
        expect(all.predictions.every((p) => p.symbol === 'BTCUSDT')).toBe(true);
        const ids = all.predictions.map((p) => p.id);
        expect(ids).toEqual([...ids].sort((a, b) => b - a));
        const next = await get<PredictionsResponse>(`/api/ai/predictions?symbol=BTCUSDT&limit=3&cursor=${all.nextCursor}`);
        expect(Math.max(...next.predictions.map((p) => p.id))).toBeLessThan(Math.min(...ids));
        const one: StoredPrediction = next.predictions[0]!;
        expect(Object.keys(one).sort()).toEqual(
          ['generatedAt', 'horizon', 'id', 'label', 'modelVersion', 'outcome', 'priceAt', 'probabilities', 'resolveAt', 'resolvedPrice', 'scoredAt', 'status', 'symbol'].sort(),
        );
      });

      it('when the track record of m1 on BTCUSDT is asked, then it counts the scored predictions only, beside both baselines', async () => {
        const record = await get<TrackRecord>('/api/ai/track-record?symbol=BTCUSDT&model=m1');
        // Scored BTC predictions of m1: up (UP→UP), flat (FLAT→FLAT), fallback (UP→DOWN), late (DOWN→DOWN).
        expect(record.scored).toBe(4);
        expect(record.accuracy).toBeCloseTo(0.75, 12);
        expect(record.confusion).toEqual({ UP: { UP: 1, DOWN: 0, FLAT: 0 }, DOWN: { UP: 1, DOWN: 1, FLAT: 0 }, FLAT: { UP: 0, DOWN: 0, FLAT: 1 } });
        expect(record.logLoss).toBeCloseTo(-(Math.log(0.5) + Math.log(0.2) + Math.log(0.3) + Math.log(0.3)) / 4, 12);
        expect(record.baselines.majority.accuracy, 'majority DOWN: 2 of 4').toBeCloseTo(0.5, 12);
        expect(record.byWeek.reduce((n, w) => n + w.scored, 0)).toBe(4);
        const all = await get<TrackRecord>('/api/ai/track-record');
        expect(all.scored, 'every symbol and model').toBe(4 + 1 + 20);
      });

      it('when the symbol or model is unknown or a parameter is bad, then 404 UNKNOWN_SYMBOL, 404 NOT_FOUND or 400', async () => {
        expect(await get('/api/ai/track-record?symbol=DOGEUSDT', 404)).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
        expect(await get('/api/ai/predictions?symbol=DOGEUSDT', 404)).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
        expect(await get('/api/ai/track-record?model=nope', 404)).toMatchObject({ code: 'NOT_FOUND' });
        for (const url of ['/api/ai/predictions?limit=501', '/api/ai/predictions?symbol=btc', '/api/ai/predictions?cursor=xyz', '/api/ai/track-record?extra=1']) {
          expect(await get(url, 400), url).toMatchObject({ code: 'VALIDATION_FAILED' });
        }
        const anonymous = await t.app.inject({ url: '/api/ai/predictions' });
        expect(anonymous.statusCode).toBe(401);
      });
    });
  });
}
