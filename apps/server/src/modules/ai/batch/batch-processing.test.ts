/**
 * The batch-processing job on both jobs implementations: a candidate trained with libxgboost
 * on stored candles, evaluated beside the active model and the baselines on the same held-back
 * window, promoted only when it wins; a missing libxgboost and a run stopped half-way leave
 * the active model serving. Candles are synthetic with an hour-of-day pattern a model
 * can learn and the committed default model cannot know. They end an hour ago, so predict
 * serves them as current (a market on the wall clock).
 */
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSummary, PredictResponse } from '@cryptosim/contracts';
import { models } from '../../../db/schema.js';
import { eventually } from '../../../ports/cache/cache-port.contract.js';
import { defineRecordedJob } from '../../jobs/index.js';
import { finishedRuns } from '../../jobs/testing/job-runs.js';
import { startTestApp, testBackends, type TestApp } from '../../../testing/test-app.js';
import { findLibXGBoost, LIBXGBOOST_INSTALL_HINT, type Candle } from '../engine/index.js';
import { seededRandom } from '../engine/synthetic-candles.js';
import { aiModule } from '../index.js';
import { BATCH_PROCESSING_JOB, runBatchProcessing, type BatchReport } from './run-batch-processing.js';

const H = 3_600_000;
const BARS = 24 * 40;
const START = Math.floor(Date.now() / H) * H - BARS * H;
const INPUT = { trainDays: 30, evalDays: 5, maxRounds: 60 };
const silent = pino({ level: 'silent' });

/** Hour h mod 3: 0 → a tiny move (FLAT), 1 → up, 2 → down; one bar in six is random instead. */
function patterned(seed: number, price: number): Candle[] {
  const rand = seededRandom(seed);
  const out: Candle[] = [];
  for (let i = 0; i < BARS; i++) {
    const openTime = START + i * H;
    const phase = new Date(openTime).getUTCHours() % 3;
    const kind = rand() < 1 / 6 ? Math.floor(rand() * 3) : phase;
    const move = kind === 0 ? (rand() - 0.5) * 0.0004 : (kind === 1 ? 1 : -1) * (0.004 + rand() * 0.002);
    const open = price;
    const close = +(open * (1 + move)).toFixed(4);
    out.push({ openTime, open, high: Math.max(open, close) * 1.001, low: Math.min(open, close) * 0.999, close, volume: 100 + rand() * 50 });
    price = close;
  }
  return out;
}

async function insertCandles(t: TestApp, symbol: string, rows: readonly Candle[]): Promise<void> {
  const col = <K extends keyof Candle>(k: K) => sql.param(rows.map((r) => String(r[k])));
  await t.ports.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume)
    select ${symbol}, '1h', t::bigint, o::numeric, h::numeric, l::numeric, c::numeric, v::numeric
    from unnest(${col('openTime')}::text[], ${col('open')}::text[], ${col('high')}::text[], ${col('low')}::text[], ${col('close')}::text[], ${col('volume')}::text[]) as x(t, o, h, l, c, v)`);
  const last = rows[rows.length - 1]!;
  await t.ports.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume)
    values (${symbol}, '1m', ${last.openTime + H - 60_000}, ${String(last.close)}, ${String(last.close)}, ${String(last.close)}, ${String(last.close)}, '1')`);
}

const noLib = findLibXGBoost() === undefined ? 'libxgboost is not installed (apt-get install libxgboost0)' : undefined;

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason ?? noLib)(`batch-processing on ${backend.name}`, () => {
    let t: TestApp;
    const active = async () => (await t.ports.db.db.select({ v: models.version }).from(models).where(eq(models.status, 'active')))[0]?.v;
    const model = async (version: string) => (await t.app.inject({ url: `/api/ai/models/${version}`, headers: t.headers })).json() as ModelSummary;

    beforeAll(async () => {
      t = await startTestApp({ on: backend, roles: ['api', 'worker'], modules: [aiModule], user: true, env: { JOB_PREDICT_EVERY_MS: '0', JOB_BATCH_PROCESSING_EVERY_MS: '0' } });
      await insertCandles(t, 'BTCUSDT', patterned(1, 60_000));
      await insertCandles(t, 'ETHUSDT', patterned(2, 3_000));
    }, 60_000);
    afterAll(async () => t?.close());

    it('when libxgboost cannot be loaded, then the run is recorded failed with the install command and the active model keeps serving', async () => {
      const before = await active();
      expect(before).toMatch(/^default-/);
      defineRecordedJob(t.ports.jobs, t.ports.db, silent, {
        name: 'batch-no-lib',
        attempts: 1,
        run: () => runBatchProcessing({ db: t.ports.db.db, symbols: ['BTCUSDT', 'ETHUSDT'], libraryPath: '/nonexistent/libxgboost.so' }, { trainDays: 30, evalDays: 5 }),
      });
      await t.ports.jobs.enqueue('batch-no-lib');
      const [run] = await finishedRuns(t, 'batch-no-lib');
      expect(run).toMatchObject({ status: 'failed' });
      expect(run!.error).toContain(LIBXGBOOST_INSTALL_HINT);
      expect(run!.error).toContain('sudo apt-get install libxgboost0');
      expect(await active()).toBe(before);
    });

    it('when a run stops half-way (before promotion), then it is recorded failed, the candidate stays a candidate and the active model is unchanged', async () => {
      const before = await active();
      const steps: string[] = [];
      defineRecordedJob(t.ports.jobs, t.ports.db, silent, {
        name: 'batch-killed',
        attempts: 1,
        run: () =>
          runBatchProcessing(
            {
              db: t.ports.db.db,
              symbols: ['BTCUSDT', 'ETHUSDT'],
              onStep: (step) => {
                steps.push(step);
                if (step === 'promote') throw new Error('worker killed');
              },
            },
            { trainDays: INPUT.trainDays, evalDays: INPUT.evalDays, params: { maxRounds: INPUT.maxRounds } },
          ),
      });
      await t.ports.jobs.enqueue('batch-killed');
      const [run] = await finishedRuns(t, 'batch-killed');
      expect(run).toMatchObject({ status: 'failed', error: 'worker killed' });
      expect(steps).toEqual(['features', 'train', 'evaluate', 'promote']);
      expect(await active()).toBe(before);
      const statuses = (await t.ports.db.db.select({ s: models.status }).from(models)).map((r) => r.s).sort();
      expect(statuses).toEqual(['active', 'candidate']);
    });

    it('when a candidate learns what the active model cannot, then it beats it and both baselines on the same window and becomes active, and predict serves it', async () => {
      await t.ports.jobs.enqueue(BATCH_PROCESSING_JOB, INPUT);
      const [run] = await finishedRuns(t, BATCH_PROCESSING_JOB);
      expect(run, JSON.stringify(run)).toMatchObject({ status: 'succeeded' });
      const report = run!.summary as BatchReport;
      expect(report.data.symbols).toEqual(['BTCUSDT', 'ETHUSDT']);
      expect(report.data.evalRows).toBe(2 * (INPUT.evalDays * 24 - 0));
      const { candidate, active: rival, baselines } = report.scores;
      for (const other of [rival!, baselines.majority, baselines.persistence]) expect(other.window).toEqual(candidate.window);
      expect(rival!.version).toMatch(/^default-/);
      expect(candidate.balancedAccuracy).toBeGreaterThan(Math.max(rival!.balancedAccuracy, baselines.majority.balancedAccuracy, baselines.persistence.balancedAccuracy));
      expect(report.decision).toMatchObject({ promote: true, reasons: [], against: rival!.version });
      expect(await active()).toBe(report.candidate);
      expect(await model(rival!.version)).toMatchObject({ status: 'retired' });
      expect((await model(report.candidate)).metrics).toMatchObject({ promotion: { promote: true }, evaluation: { window: candidate.window } });
      await eventually(
        'predict serves the promoted model',
        async () => {
          // Paced: the poll must not meet the per-address rate limit.
          await new Promise((r) => setTimeout(r, 200));
          const res = await t.app.inject({ method: 'POST', url: '/api/ai/predict', headers: t.headers, payload: { symbol: 'ETHUSDT' } });
          return res.statusCode === 200 && (res.json() as PredictResponse).modelVersion === report.candidate;
        },
        20_000,
      );
    });

    it('when the next run trains the same model again, then a tie is not a win: it stays a candidate and the run says why', async () => {
      const winner = await active();
      await t.ports.jobs.enqueue(BATCH_PROCESSING_JOB, INPUT);
      const [run] = await finishedRuns(t, BATCH_PROCESSING_JOB, 2);
      expect(run).toMatchObject({ status: 'succeeded' });
      const report = run!.summary as BatchReport;
      expect(report.decision.promote).toBe(false);
      expect(report.decision.reasons.join('\n')).toMatch(new RegExp(`does not beat active model ${winner}`));
      expect(await active()).toBe(winner);
      expect(await model(report.candidate)).toMatchObject({ status: 'candidate' });
    });

    it('when fewer days are stored than the evaluation window and some history need, then the run fails saying so and nothing is trained', async () => {
      const before = (await t.ports.db.db.select({ v: models.version }).from(models)).length;
      await t.ports.jobs.enqueue(BATCH_PROCESSING_JOB, { trainDays: 30, evalDays: 35 });
      const [run] = await finishedRuns(t, BATCH_PROCESSING_JOB, 3);
      expect(run).toMatchObject({ status: 'failed' });
      expect(run!.error).toMatch(/^only 40\.0 days of closed 1h candles are stored; training needs the 35-day evaluation window plus at least 7 days before it$/);
      expect((await t.ports.db.db.select({ v: models.version }).from(models)).length).toBe(before);
    });

    it('when the job data is not its input, then the run fails saying what it takes', async () => {
      await t.ports.jobs.enqueue(BATCH_PROCESSING_JOB, { trainDays: -1 });
      const [run] = await finishedRuns(t, BATCH_PROCESSING_JOB, 4);
      expect(run).toMatchObject({ status: 'failed' });
      expect(run!.error).toMatch(/batch-processing takes \{ trainDays\?, evalDays\?, maxRounds\?/);
    });
  });
}
