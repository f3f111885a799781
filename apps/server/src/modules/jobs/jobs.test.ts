/**
 * The recorded jobs on both jobs implementations (MemoryJobs on PGlite, BullMQ on Redis with
 * PostgreSQL): every try is a job_runs row listed at /api/jobs/runs, failures are recorded and
 * retried per policy, and the market-data DAG backfills, rolls up and reports data quality.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { defineRecordedJob } from './define-recorded-job.js';
import { MARKET_DATA_JOB, type MarketDataReport } from './market-data/run-market-data.js';
import { finishedRuns, jobRuns } from './testing/job-runs.js';
import { startTestApp, testBackends, type TestApp } from '../../testing/test-app.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;
// A past, hour-aligned logical date: the simulator's history there is deterministic.
const UNTIL = Math.floor(Date.now() / HOUR) * HOUR - 24 * HOUR;
const LOOKBACK_HOURS = 3;
const silent = pino({ level: 'silent' });

async function rows<T>(t: TestApp, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.ports.db.db.execute(query)) as unknown as { rows: T[] }).rows;
}

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`recorded jobs on ${backend.name}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ on: backend, roles: ['api', 'worker'], user: true, env: { JOB_MARKET_DATA_LOOKBACK_HOURS: String(LOOKBACK_HOURS) } });
    }, 60_000);
    afterAll(async () => t?.close());

    it('when the market-data job runs on an empty database, then it backfills the window, rolls it up and reports clean data', async () => {
      await t.ports.jobs.enqueue(MARKET_DATA_JOB, { until: UNTIL });
      const [run] = await finishedRuns(t, MARKET_DATA_JOB);
      expect(run, JSON.stringify(run)).toMatchObject({ name: MARKET_DATA_JOB, status: 'succeeded', attempt: 1, error: null });
      expect(run!.finishedAt).not.toBeNull();
      const report = run!.summary as MarketDataReport;
      expect(report.window).toEqual({ from: new Date(UNTIL - LOOKBACK_HOURS * HOUR).toISOString(), to: new Date(UNTIL).toISOString() });
      expect(report.backfill.bySymbol).toEqual([
        { symbol: 'BTCUSDT', gaps: 1, inserted: LOOKBACK_HOURS * 60 },
        { symbol: 'ETHUSDT', gaps: 1, inserted: LOOKBACK_HOURS * 60 },
      ]);
      expect(report.quality.flagged, JSON.stringify(report.quality.flagged)).toEqual([]);
      expect(report.quality.ok).toBe(true);
      const hours = await rows<{ n: string }>(t, sql`select count(*)::text as n from candles where symbol = 'BTCUSDT' and interval = '1h' and open_time >= ${UNTIL - LOOKBACK_HOURS * HOUR} and open_time < ${UNTIL}`);
      expect(hours[0]!.n, 'the roll-ups of the window exist').toBe(String(LOOKBACK_HOURS));
    });

    it('when minutes went missing and a spike and an off-grid row crept in, then the next run refills the minutes and reports the spike and the duplicate', async () => {
      const from = UNTIL - LOOKBACK_HOURS * HOUR;
      const spikeAt = from + 90 * MINUTE;
      await t.ports.db.db.execute(sql`delete from candles where symbol = 'ETHUSDT' and interval = '1m' and open_time >= ${from + 10 * MINUTE} and open_time < ${from + 15 * MINUTE}`);
      await t.ports.db.db.execute(sql`update candles set close = close * 1.5, high = close * 1.5 where symbol = 'BTCUSDT' and interval = '1m' and open_time = ${spikeAt}`);
      await t.ports.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume)
        select symbol, interval, open_time + 30000, open, high, low, close, volume from candles where symbol = 'BTCUSDT' and interval = '1m' and open_time = ${from + 20 * MINUTE}`);

      await t.ports.jobs.enqueue(MARKET_DATA_JOB, { until: UNTIL });
      const [run] = await finishedRuns(t, MARKET_DATA_JOB, 2);
      expect(run).toMatchObject({ status: 'succeeded' });
      const report = run!.summary as MarketDataReport;
      expect(report.backfill.bySymbol.find((b) => b.symbol === 'ETHUSDT'), 'the five deleted minutes').toEqual({ symbol: 'ETHUSDT', gaps: 1, inserted: 5 });
      expect(report.quality.ok).toBe(false);
      const btc1m = report.quality.bySymbol.find((q) => q.symbol === 'BTCUSDT')!.intervals['1m'];
      expect(btc1m).toMatchObject({ missing: 0, misaligned: 1, outliers: 2 });
      expect(btc1m.worstOutliers.map((o) => o.openTime).sort()).toEqual([spikeAt, spikeAt + MINUTE]);
      expect(report.quality.flagged.map((f) => [f.symbol, f.interval, f.duplicates, f.outliers])).toContainEqual(['BTCUSDT', '1m', 1, 2]);
      expect(report.quality.bySymbol.find((q) => q.symbol === 'ETHUSDT')!.intervals['1m'].missing, 'refilled before the check').toBe(0);
    });

    it('when a job keeps throwing, then each try is recorded failed with its error, up to the attempts of its policy', async () => {
      defineRecordedJob(t.ports.jobs, t.ports.db, silent, {
        name: 'always-fails',
        attempts: 2,
        backoffMs: 10,
        run: async () => {
          throw new Error('exchange unreachable');
        },
      });
      await t.ports.jobs.enqueue('always-fails');
      const runs = await finishedRuns(t, 'always-fails', 2);
      expect(runs.map((r) => [r.attempt, r.status, r.error, r.summary])).toEqual([
        [2, 'failed', 'exchange unreachable', null],
        [1, 'failed', 'exchange unreachable', null],
      ]);
    });

    it('when a job fails once and then succeeds, then the retry is a second run that carries the summary', async () => {
      let calls = 0;
      defineRecordedJob(t.ports.jobs, t.ports.db, silent, {
        name: 'flaky',
        attempts: 3,
        backoffMs: 10,
        run: async () => {
          calls += 1;
          if (calls === 1) throw new Error('database restarting');
          return { rows: 42 };
        },
      });
      await t.ports.jobs.enqueue('flaky');
      const runs = await finishedRuns(t, 'flaky', 2);
      expect(runs.map((r) => [r.attempt, r.status, r.error, r.summary])).toEqual([
        [2, 'succeeded', null, { rows: 42 }],
        [1, 'failed', 'database restarting', null],
      ]);
      expect(calls, 'no third try after a success').toBe(2);
    });

    it('when the job data is not { until }, then the run fails saying what it takes', async () => {
      await t.ports.jobs.enqueue(MARKET_DATA_JOB, { untill: UNTIL });
      await finishedRuns(t, MARKET_DATA_JOB, 3);
      const [latest] = await jobRuns(t, `?name=${MARKET_DATA_JOB}&limit=1`);
      expect(latest).toMatchObject({ status: 'failed', attempt: 1 });
      expect(latest!.error).toMatch(/market-data takes \{ until\?: epoch ms \}/);
    }, 120_000);

    it('when a run of an earlier process never recorded its end, then the next run of that job marks it failed as abandoned', async () => {
      const [stale] = await rows<{ id: string }>(t, sql`insert into job_runs (name, attempt, started_at) values ('flaky', 1, now() - interval '7 hours') returning id::text as id`);
      await t.ports.jobs.enqueue('flaky');
      await finishedRuns(t, 'flaky', 4);
      const after = (await jobRuns(t, '?name=flaky')).find((r) => r.id === Number(stale!.id));
      expect(after).toMatchObject({ status: 'failed', error: 'abandoned: no end recorded within 360 min' });
      expect(after!.finishedAt).not.toBeNull();
    });

    it('when runs are listed, then they are newest first, filtered by name and capped by limit', async () => {
      const all = await jobRuns(t);
      expect(all.map((r) => r.id), 'newest first').toEqual([...all.map((r) => r.id)].sort((a, b) => b - a));
      expect(new Set(all.map((r) => r.name))).toEqual(new Set([MARKET_DATA_JOB, 'always-fails', 'flaky']));
      expect(await jobRuns(t, '?name=flaky&limit=1')).toHaveLength(1);
      expect((await jobRuns(t, '?name=flaky')).every((r) => r.name === 'flaky')).toBe(true);
      expect(await jobRuns(t, '?name=nothing-here')).toEqual([]);
    });

    it('when the request has no token or bad parameters, then it is refused with the matching problem', async () => {
      const anonymous = await t.app.inject({ url: '/api/jobs/runs' });
      expect(anonymous.statusCode).toBe(401);
      for (const query of ['?limit=0', '?limit=501', '?name=Bad_Name', '?other=1']) {
        const res = await t.app.inject({ url: `/api/jobs/runs${query}`, headers: t.headers });
        expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
    });
  });

  describe.skipIf(backend.skipReason)(`the market-data schedule on ${backend.name}`, () => {
    const PERIOD_MS = 3_000;
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ on: backend, roles: ['api', 'worker'], user: true, env: { JOB_MARKET_DATA_EVERY_MS: String(PERIOD_MS), JOB_MARKET_DATA_LOOKBACK_HOURS: '1' } });
    }, 60_000);
    afterAll(async () => t?.close());

    it('when a worker starts, then the market-data job does not run at start but once its period has passed', async () => {
      // A job enqueued after start has finished: anything the start itself ran has started by then.
      defineRecordedJob(t.ports.jobs, t.ports.db, silent, { name: 'marker', attempts: 1, run: async () => ({ ok: true }) });
      await t.ports.jobs.enqueue('marker');
      await finishedRuns(t, 'marker');
      expect(await jobRuns(t, `?name=${MARKET_DATA_JOB}`), 'no market-data run at worker start').toEqual([]);
      const [run] = await finishedRuns(t, MARKET_DATA_JOB, 1, 30_000);
      expect(run, JSON.stringify(run)).toMatchObject({ status: 'succeeded' });
    });
  });
}
