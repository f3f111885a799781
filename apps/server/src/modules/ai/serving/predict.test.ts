/**
 * Serving through buildApp + inject on both backends: the committed default model registered at
 * start (once, also under concurrent starts), POST /api/ai/predict and its errors, the predict
 * job storing one prediction per (model, symbol, bar), and the scoring job labelling it with
 * the engine's labelFor under the artifact's θ.
 */
import { readFile } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResponse, ModelsResponse, PredictResponse } from '@cryptosim/contracts';
import { models, predictions } from '../../../db/schema.js';
import { eventually } from '../../../ports/cache/cache-port.contract.js';
import { finishedRuns } from '../../jobs/testing/job-runs.js';
import { startTestApp, testBackends, type TestApp } from '../../../testing/test-app.js';
import { buildFeatures, createEvaluator, DEFAULT_MODEL_PATH, FEATURE_NAMES, latestFeatures, parseModelArtifact, selectFeatures, type Candle } from '../engine/index.js';
import { formatPercent, formatValue } from '../analysis/format-numbers.js';
import { syntheticCandles } from '../engine/synthetic-candles.js';
import { SCORE_PREDICTIONS_JOB } from '../predictions/score-predictions-entry-point.js';
import { PREDICT_JOB, runPredict, type PredictReport } from '../predictions/run-predict.js';
import { AppError } from '../../../kernel/app-error.js';
import { ActiveModelCache } from './active-model-cache.js';
import { STALE_AFTER_BARS } from './market-staleness.js';
import { predictNow } from './predict-now.js';
import { PredictionMemo } from './prediction-memo.js';
import { aiModule } from '../index.js';
import { ensureDefaultModel } from './ensure-default-model.js';

const H = 3_600_000;
const BARS = 120;
// The latest bar opened two hours before the current hour: closed an hour or two ago (current,
// not stale), and its horizon bar has closed by now (scoring finds it due).
const START = Math.floor(Date.now() / H) * H - (BARS + 1) * H;
const artifactText = await readFile(DEFAULT_MODEL_PATH, 'utf8');
const artifact = parseModelArtifact(artifactText);
const series: Record<string, Candle[]> = {
  BTCUSDT: syntheticCandles(BARS, { seed: 7, start: START, price: 60_000 }),
  ETHUSDT: syntheticCandles(BARS, { seed: 8, start: START, price: 3_000 }),
  // Traded here, but the default model has no θ for it (it was not trained on it).
  DOGEUSDT: syntheticCandles(BARS, { seed: 9, start: START, price: 0.2 }),
};
const round = (c: Candle): Candle => ({ ...c, open: +c.open.toFixed(5), high: +c.high.toFixed(5), low: +c.low.toFixed(5), close: +c.close.toFixed(5), volume: +c.volume.toFixed(3) });
for (const k of Object.keys(series)) series[k] = series[k]!.map(round);
const lastBar = START + (BARS - 1) * H;

async function insertCandles(t: TestApp, symbol: string, interval: string, rows: readonly Candle[]): Promise<void> {
  for (const c of rows) {
    await t.ports.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume)
      values (${symbol}, ${interval}, ${c.openTime}, ${String(c.open)}, ${String(c.high)}, ${String(c.low)}, ${String(c.close)}, ${String(c.volume)})
      on conflict (symbol, interval, open_time) do update set close = excluded.close`);
  }
}

/** The 1m candle that closes an hour bar (the market's clock: the bar counts as closed once it is stored). */
/** Paces an HTTP poll, so waiting on a cache never meets the API's per-address rate limit. */
const paced = () => new Promise((r) => setTimeout(r, 200));

const closingMinute = (bar: Candle, close = bar.close): Candle => ({ ...bar, openTime: bar.openTime + H - 60_000, open: close, high: close, low: close, close });

for (const backend of await testBackends()) {
  describe.skipIf(backend.skipReason)(`AI serving on ${backend.name}`, () => {
    let t: TestApp;
    const predict = (body: unknown) => t.app.inject({ method: 'POST', url: '/api/ai/predict', headers: t.headers, payload: body as object });

    beforeAll(async () => {
      t = await startTestApp({ on: backend, roles: ['api', 'worker'], modules: [aiModule], user: true, env: { JOB_PREDICT_EVERY_MS: '0', JOB_BATCH_PROCESSING_EVERY_MS: '0', MARKET_SYMBOLS: 'BTCUSDT,ETHUSDT,DOGEUSDT' } });
    }, 60_000);
    afterAll(async () => t?.close());

    it('when a process starts on an empty registry, then the committed default model is the active model, and further starts change nothing', async () => {
      const listed = (await t.app.inject({ url: '/api/ai/models', headers: t.headers })).json() as ModelsResponse;
      expect(listed.models).toHaveLength(1);
      const [model] = listed.models;
      expect(model).toMatchObject({ status: 'active', params: { interval: '1h', horizon: 1, theta: artifact.theta } });
      expect(model!.version).toMatch(/^default-[0-9a-f]{12}$/);
      const again = await Promise.all([ensureDefaultModel(t.ports.db.db), ensureDefaultModel(t.ports.db.db)]);
      expect(again.map((o) => [o.activated, o.active])).toEqual([
        [false, model!.version],
        [false, model!.version],
      ]);
      expect(await t.ports.db.db.select({ v: models.version }).from(models)).toHaveLength(1);
      // Two processes starting at once on an empty registry: one activates, both see the same model.
      await t.ports.db.db.delete(models);
      const raced = await Promise.all([ensureDefaultModel(t.ports.db.db), ensureDefaultModel(t.ports.db.db)]);
      expect(raced.map((o) => o.active)).toEqual([model!.version, model!.version]);
      expect(raced.filter((o) => o.activated), JSON.stringify(raced)).toHaveLength(1);
      expect(await t.ports.db.db.select({ v: models.version, s: models.status }).from(models)).toEqual([{ v: model!.version, s: 'active' }]);
    });

    it('when the symbol has no closed candles yet, then predict answers 503 MODEL_UNAVAILABLE with Retry-After', async () => {
      const res = await predict({ symbol: 'ETHUSDT' });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json()).toMatchObject({ code: 'MODEL_UNAVAILABLE' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('when the symbol is unknown or the horizon unsupported, then 404 UNKNOWN_SYMBOL and 400 VALIDATION_FAILED', async () => {
      const unknown = await predict({ symbol: 'PEPEUSDT' });
      expect(unknown.statusCode, unknown.body).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
      for (const body of [{ symbol: 'BTCUSDT', horizon: '4h' }, { symbol: 'BTCUSDT', extra: 1 }, {}]) {
        const res = await predict(body);
        expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      expect((await t.app.inject({ method: 'POST', url: '/api/ai/predict', payload: { symbol: 'BTCUSDT' } })).statusCode).toBe(401);
    });

    it('when closed candles exist, then predict answers the evaluator\'s probabilities on the latest closed bar\'s features', async () => {
      for (const [symbol, rows] of Object.entries(series)) {
        await insertCandles(t, symbol, '1h', rows);
        await insertCandles(t, symbol, '1m', [closingMinute(rows[rows.length - 1]!)]);
      }
      // The latest closed bar is looked up at most once a second: the new candles show within that.
      let res = await predict({ symbol: 'ETHUSDT', horizon: '1h' });
      await eventually('predict sees the closed candles', async () => {
        if (res.statusCode === 200) return true;
        await paced();
        res = await predict({ symbol: 'ETHUSDT', horizon: '1h' });
        return false;
      }, 10_000);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as PredictResponse;
      const expected = createEvaluator(artifact).predict(selectFeatures(latestFeatures(series.ETHUSDT!, series.BTCUSDT!)!.features, artifact));
      expect(body.probabilities.UP).toBeCloseTo(expected.UP, 12);
      expect(body.probabilities.DOWN).toBeCloseTo(expected.DOWN, 12);
      expect(body.probabilities.FLAT).toBeCloseTo(expected.FLAT, 12);
      const best = (Object.entries(expected) as Array<[string, number]>).sort((a, b) => b[1] - a[1])[0]![0];
      expect(body).toMatchObject({ symbol: 'ETHUSDT', horizon: '1h', label: best, modelVersion: expect.stringMatching(/^default-/) });
      expect(body.trackRecord).toEqual({
        scored: 0,
        accuracy: null,
        balancedAccuracy: null,
        baselines: { majority: { accuracy: null, balancedAccuracy: null }, persistence: { accuracy: null, balancedAccuracy: null } },
      });
    });

    it('when the symbol is traded but the active model has no θ for it, then predict answers 404 SYMBOL_NOT_COVERED naming the symbols it covers, and the analysis answers without a prediction', async () => {
      let res = await predict({ symbol: 'DOGEUSDT' });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const body = res.json() as { code: string; detail: string };
      expect(body.code).toBe('SYMBOL_NOT_COVERED');
      expect(body.detail).toContain('DOGEUSDT');
      for (const covered of Object.keys(artifact.theta)) expect(body.detail, 'the message names every symbol the model covers').toContain(covered);
      res = await t.app.inject({ url: '/api/ai/analysis?symbol=DOGEUSDT', headers: t.headers });
      expect(res.statusCode, res.body).toBe(200);
      const analysis = res.json() as AnalysisResponse;
      expect(analysis.prediction).toBeNull();
      expect(analysis.indicators.rsi14, 'the indicators are still computed from its candles').toEqual(expect.any(Number));
    });

    it('when a bar has not closed (its last minute is not stored), then it is not used', async () => {
      const open = { ...series.ETHUSDT![BARS - 1]!, openTime: lastBar + H, close: 1 };
      await insertCandles(t, 'ETHUSDT', '1h', [open]);
      const first = (await predict({ symbol: 'ETHUSDT' })).json() as PredictResponse;
      await t.ports.db.db.execute(sql`delete from candles where symbol = 'ETHUSDT' and interval = '1h' and open_time = ${lastBar + H}`);
      const second = (await predict({ symbol: 'ETHUSDT' })).json() as PredictResponse;
      expect(first.probabilities).toEqual(second.probabilities);
    });

    it('when the predict job runs twice over the same bar, then each symbol has one prediction at that bar, priced at its close', async () => {
      await t.ports.jobs.enqueue(PREDICT_JOB);
      const [first] = await finishedRuns(t, PREDICT_JOB, 1);
      expect(first, JSON.stringify(first)).toMatchObject({ status: 'succeeded' });
      expect((first!.summary as PredictReport).stored.map((s) => s.symbol).sort()).toEqual(['BTCUSDT', 'ETHUSDT']);
      expect(first!.summary, 'DOGEUSDT has candles but no θ: skipped, never stored').toMatchObject({ notCovered: ['DOGEUSDT'] });
      await t.ports.jobs.enqueue(PREDICT_JOB);
      const [second] = await finishedRuns(t, PREDICT_JOB, 2);
      expect(second!.summary).toMatchObject({ stored: [], existing: ['BTCUSDT', 'ETHUSDT'], notCovered: ['DOGEUSDT'] });
      const rows = await t.ports.db.db.select().from(predictions).orderBy(predictions.symbol);
      expect(rows.map((r) => [r.symbol, r.horizon, r.resolveAt.getTime(), Number(r.priceAt)])).toEqual([
        ['BTCUSDT', '1h', lastBar + 2 * H, series.BTCUSDT![BARS - 1]!.close],
        ['ETHUSDT', '1h', lastBar + 2 * H, series.ETHUSDT![BARS - 1]!.close],
      ]);
    });

    it('when the horizon bar closes, then the scoring job labels the prediction with the engine under the artifact\'s θ, and predict counts it', async () => {
      const eth = series.ETHUSDT![BARS - 1]!;
      const theta = artifact.theta.ETHUSDT!;
      // Just above +θ: UP under this θ, though FLAT under any θ twice as wide.
      const up = +(eth.close * (1 + theta * 1.5)).toFixed(2);
      const btc = series.BTCUSDT![BARS - 1]!;
      const flat = btc.close;
      await insertCandles(t, 'ETHUSDT', '1m', [{ ...eth, openTime: lastBar + 2 * H - 60_000, close: up }]);
      await insertCandles(t, 'BTCUSDT', '1m', [{ ...btc, openTime: lastBar + 2 * H - 60_000, close: flat }]);
      await t.ports.jobs.enqueue(SCORE_PREDICTIONS_JOB);
      const [run] = await finishedRuns(t, SCORE_PREDICTIONS_JOB, 1);
      expect(run!.summary).toMatchObject({ scored: 2, voided: 0 });
      const outcome = async (symbol: string) => (await t.ports.db.db.select({ o: predictions.outcome }).from(predictions).where(eq(predictions.symbol, symbol)))[0]!.o;
      expect(await outcome('ETHUSDT')).toBe('UP');
      expect(await outcome('BTCUSDT')).toBe('FLAT');
      // The summary beside live predictions is kept for a few seconds; it catches up.
      let scored = -1;
      await eventually('predict counts the scored prediction', async () => {
        await paced();
        scored = ((await predict({ symbol: 'ETHUSDT' })).json() as PredictResponse).trackRecord.scored;
        return scored === 1;
      }, 20_000);
      expect(scored).toBe(1);
    });

    it('when the analysis is asked for, then its indicators equal the model features of the latest closed bar and the trend follows the documented rule', async () => {
      const res = await t.app.inject({ url: '/api/ai/analysis?symbol=ETHUSDT', headers: { ...t.headers, 'accept-language': 'en-US,en;q=0.9' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers.vary).toMatch(/accept-language/i);
      const a = res.json() as AnalysisResponse;
      const bars = series.ETHUSDT!;
      const last = bars[BARS - 1]!;
      const f = buildFeatures(bars, { btc: series.BTCUSDT });
      const feature = (name: (typeof FEATURE_NAMES)[number]) => f.values[(BARS - 1) * f.cols + FEATURE_NAMES.indexOf(name)]!;
      const i = a.indicators;
      expect(Object.values(i).every((v) => typeof v === 'number'), JSON.stringify(i)).toBe(true);
      expect(i.rsi14).toBe(feature('rsi_14'));
      expect(i.macd! / last.close).toBe(feature('macd_line'));
      expect(i.macdSignal! / last.close).toBe(feature('macd_signal'));
      expect(i.macdHistogram! / last.close).toBe(feature('macd_hist'));
      expect(i.atr14! / last.close).toBe(feature('atr_14'));
      expect(i.volatility).toBe(feature('rv_24'));
      expect((i.bollingerUpper! - i.bollingerLower!) / i.sma20!).toBeCloseTo(feature('bb_width'), 12);
      const expectedTrend = last.close > i.sma20! && i.sma20! > i.ema50! ? 'UP' : last.close < i.sma20! && i.sma20! < i.ema50! ? 'DOWN' : 'SIDEWAYS';
      expect(a).toMatchObject({ symbol: 'ETHUSDT', interval: '1h', trend: expectedTrend });
      expect(a.prediction).toMatchObject({ symbol: 'ETHUSDT', modelVersion: expect.stringMatching(/^default-/) });
      expect(a.prediction!.trackRecord.scored).toBe(1);
    });

    it('when the summary is read in English or Korean, then every number in it is one of the returned fields, formatted, and nothing promises a profit', async () => {
      for (const [header, lang] of [['ko-KR,ko;q=0.9,en;q=0.5', 'ko'], ['en', 'en'], ['fr-FR, en;q=0.3', 'en'], [undefined, 'en']] as const) {
        const res = await t.app.inject({ url: '/api/ai/analysis?symbol=ETHUSDT', headers: { ...t.headers, ...(header && { 'accept-language': header }) } });
        const a = res.json() as AnalysisResponse;
        const p = a.prediction!;
        const tr = p.trackRecord;
        const allowed = new Set<string>([
          ...Object.values(a.indicators).map((v) => formatValue(v!)),
          formatPercent(a.indicators.volatility!),
          ...Object.values(p.probabilities).map(formatPercent),
          ...[tr.accuracy, tr.baselines.majority.accuracy, tr.baselines.persistence.accuracy].filter((v) => v !== null).map((v) => formatPercent(v)),
          String(tr.scored),
        ]);
        const numbers = a.summary.replaceAll(a.symbol, '').match(/-?\d+(?:\.\d+)?%?/g) ?? [];
        expect(numbers.length, a.summary).toBeGreaterThanOrEqual(12);
        for (const n of numbers) expect(allowed.has(n), `"${n}" in the ${lang} summary is no returned field: ${a.summary}`).toBe(true);
        expect(/[\uac00-\ud7a3]/.test(a.summary), `${header}: ${a.summary}`).toBe(lang === 'ko');
        expect(a.summary).not.toMatch(/profit|수익|이익|buy now|sell now|매수하세요|매도하세요/i);
      }
    });

    it('when the latest closed bar is more than three bars older than now (the feed stopped), then no current prediction is served or stored', async () => {
      const models = new ActiveModelCache(t.ports.db.db);
      const memo = new PredictionMemo(t.ports.db.db);
      const barClose = lastBar + H;
      // Three bars after the close: still current; just past: stale.
      const fresh = await predictNow(models, memo, 'ETHUSDT', { now: new Date(barClose + STALE_AFTER_BARS * H) });
      expect(fresh.symbol).toBe('ETHUSDT');
      const refused = await predictNow(models, memo, 'ETHUSDT', { now: new Date(barClose + STALE_AFTER_BARS * H + 60_000) }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(refused, 'a stale bar is refused').toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'MODEL_UNAVAILABLE', status: 503, headers: { 'retry-after': '60' } });
      expect((refused as AppError).message).toMatch(/market data has stopped arriving/);
      // A replayed market runs on its file's clock: its bars are not judged by the wall clock.
      expect((await predictNow(models, memo, 'ETHUSDT', { now: new Date(barClose + 100 * H), checkStaleness: false })).symbol).toBe('ETHUSDT');

      const before = await t.ports.db.db.select({ id: predictions.id }).from(predictions);
      const report = await runPredict({ db: t.ports.db.db, models, symbols: ['BTCUSDT', 'ETHUSDT'], now: () => new Date(barClose + 10 * H) });
      expect(report).toMatchObject({ stored: [], existing: [], stale: ['BTCUSDT', 'ETHUSDT'] });
      expect(await t.ports.db.db.select({ id: predictions.id }).from(predictions)).toEqual(before);
    });

    it('when the analysis symbol is unknown or missing, then 404 UNKNOWN_SYMBOL and 400 VALIDATION_FAILED', async () => {
      const unknown = await t.app.inject({ url: '/api/ai/analysis?symbol=PEPEUSDT', headers: t.headers });
      expect(unknown.statusCode, unknown.body).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_SYMBOL' });
      const missing = await t.app.inject({ url: '/api/ai/analysis', headers: t.headers });
      expect(missing.statusCode, missing.body).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    });

    it('when no model is active any more, then predict answers 503 MODEL_UNAVAILABLE once the cache sees it', async () => {
      await t.ports.db.db.update(models).set({ status: 'retired' });
      let last = 0;
      await eventually('predict answers 503', async () => {
        await paced();
        const res = await predict({ symbol: 'BTCUSDT' });
        last = res.statusCode;
        return res.statusCode === 503 && (res.json() as { code: string }).code === 'MODEL_UNAVAILABLE' && res.headers['retry-after'] !== undefined;
      }, 20_000);
      expect(last).toBe(503);
      const analysis = (await t.app.inject({ url: '/api/ai/analysis?symbol=BTCUSDT', headers: t.headers })).json() as AnalysisResponse;
      expect(analysis.prediction, 'the analysis still answers, without a prediction').toBeNull();
      expect(analysis.summary).toMatch(/No model prediction is available/);
    });
  });
}
