/**
 * Issue #11: the TypeScript evaluator makes ≥ 50,000 predictions/s with p99 ≤ 100 µs per
 * prediction, on the committed default model and real 2025 feature vectors (one per hour per
 * symbol); and POST /api/ai/predict answers with p99 ≤ 20 ms at 200 requests/s (embedded
 * mode, api role in its own process, the last 600 closed 2025 hourly bars of each symbol stored,
 * moved to end an hour ago).
 *
 * Predict is measured twice: right after a short warm-up (cold: V8 still compiles the route's
 * code and PGlite's WASM, and the first prediction per symbol reads its candles), then again
 * (warm, what a running server serves; the target is judged on it). /healthz, the floor, is
 * measured last, on the same warm server, so the two compare like for like. Each phase also
 * reports the server's CPU time per request, which a shared machine distorts far less than it
 * distorts latency.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { openPgliteDb } from '../apps/server/src/ports/db/pglite-db.js';
import { startServerProcess } from '../apps/server/src/testing/server-process.js';
import {
  buildFeatures,
  createEvaluator,
  DEFAULT_MODEL_PATH,
  parseModelArtifact,
  readBooster,
  selectFeatures,
} from '../apps/server/src/modules/ai/engine/index.js';
import { loadHourly, REAL_SYMBOLS } from './support/ai-candles.js';
import { durationSeconds, type Benchmark, type Cell } from './support/benchmark.js';
import { processCpuMs } from './support/process-cpu.js';

const TARGET_RATE = 50_000;
const TARGET_P99_US = 100;
const HTTP_RATE = 200;
const HTTP_P99_MS = 20;
const STORED_BARS = 600;
const HOUR = 3_600_000;

/** A PGlite data directory holding the last STORED_BARS closed 2025 hourly bars of each symbol. */
async function seededDataDir(): Promise<{ dir: string; source: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cs-ai-bench-'));
  const db = await openPgliteDb({ dataDir: dir, logger: pino({ level: 'silent' }) });
  let source = 'real';
  try {
    await db.migrate();
    for (const symbol of REAL_SYMBOLS) {
      const loaded = loadHourly(symbol);
      if (loaded.source !== 'real') source = 'synthetic';
      // Moved in time (whole hours, the same for every symbol) to end an hour ago: predict refuses
      // bars that closed several bars before now as stale market data.
      const real = loaded.candles.slice(-STORED_BARS);
      const shift = (Math.floor(Date.now() / HOUR) - 1) * HOUR - real[real.length - 1]!.openTime;
      const bars = real.map((b) => ({ ...b, openTime: b.openTime + shift }));
      const col = (k: 'openTime' | 'open' | 'high' | 'low' | 'close' | 'volume') => sql.param(bars.map((b) => String(b[k])));
      await db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume)
        select ${symbol}, '1h', t::bigint, o::numeric, h::numeric, l::numeric, c::numeric, v::numeric
        from unnest(${col('openTime')}::text[], ${col('open')}::text[], ${col('high')}::text[], ${col('low')}::text[], ${col('close')}::text[], ${col('volume')}::text[]) as x(t, o, h, l, c, v)`);
      // The 1m candle that closes the last hour: the market's clock says every stored bar is closed.
      const last = bars[bars.length - 1]!;
      await db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume)
        values (${symbol}, '1m', ${last.openTime + 3_540_000}, ${String(last.close)}, ${String(last.close)}, ${String(last.close)}, ${String(last.close)}, '0')`);
    }
  } finally {
    await db.close();
  }
  return { dir, source };
}

async function httpPredict(seconds: number) {
  const { dir, source } = await seededDataDir();
  const server = await startServerProcess({ DATA_DIR: dir, ROLES: 'api', MARKET_SOURCE: 'simulator', MARKET_SYMBOLS: REAL_SYMBOLS.join(','), TRUST_PROXY: 'true' });
  try {
    const reg = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'aibench', email: 'aibench@example.com', password: 'bench-password-123' }),
    });
    if (reg.status !== 201) throw new Error(`register failed: ${reg.status} ${await reg.text()}`);
    const token = ((await reg.json()) as { accessToken: string }).accessToken;
    let n = 0;
    // Spread over symbols and client addresses (TRUST_PROXY): the per-address limit is not what is measured.
    const run = (duration: number) =>
      autocannon({
        url: server.url,
        connections: 20,
        duration,
        overallRate: HTTP_RATE,
        requests: [
          {
            method: 'POST',
            path: '/api/ai/predict',
            setupRequest: (req) => {
              n += 1;
              return {
                ...req,
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': `10.1.${(n >> 8) & 255}.${n & 255}` },
                body: JSON.stringify({ symbol: REAL_SYMBOLS[n % REAL_SYMBOLS.length] }),
              };
            },
          },
        ],
      });
    const pid = server.child.pid;
    /** The phase's autocannon result and the server's CPU ms per request during it. */
    const measured = async (phase: () => Promise<autocannon.Result>) => {
      const before = processCpuMs(pid);
      const result = await phase();
      const after = processCpuMs(pid);
      return { result, cpuMsPerRequest: before === undefined || after === undefined ? undefined : (after - before) / Math.max(1, result.requests.total) };
    };
    await run(2);
    const cold = await measured(() => run(seconds));
    const warm = await measured(() => run(seconds));
    for (const r of [cold.result, warm.result]) {
      if (r.non2xx > 0 || r.errors > 0) throw new Error(`POST /api/ai/predict saw ${r.non2xx} non-2xx and ${r.errors} errors: ${JSON.stringify(r.statusCodeStats)}`);
    }
    const floor = await measured(() => autocannon({ url: `${server.url}/healthz`, connections: 20, duration: seconds, overallRate: HTTP_RATE }));
    return { cold, warm, floor, source };
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function httpRow(measure: string, phase: { result: autocannon.Result; cpuMsPerRequest: number | undefined }): Record<string, Cell> {
  const { result } = phase;
  return {
    measure,
    requests: result.requests.total,
    'req/s': result.requests.average,
    'p50 ms': result.latency.p50,
    'p99 ms': result.latency.p99,
    'max ms': result.latency.max,
    'cpu ms/req': phase.cpuMsPerRequest ?? 'n/a',
  };
}

const bench: Benchmark = {
  description: 'TypeScript evaluator throughput and per-prediction latency on the default model',
  async run() {
    const artifact = parseModelArtifact(readFileSync(DEFAULT_MODEL_PATH, 'utf8'));
    const evaluator = createEvaluator(artifact);
    const btc = loadHourly('BTCUSDT');
    const vectors: Float64Array[] = [];
    for (const symbol of REAL_SYMBOLS) {
      const { candles } = loadHourly(symbol);
      const m = buildFeatures(candles.slice(-8760 - 500), { btc: btc.candles });
      for (let i = 500; i < m.rows; i++) if (m.ready[i]) vectors.push(selectFeatures(m.values.subarray(i * m.cols, (i + 1) * m.cols), artifact));
    }
    const out = new Float64Array(3);
    // Warm-up so the JIT has compiled the tree walk before anything is timed.
    for (let i = 0; i < 20_000; i++) evaluator.predictInto(vectors[i % vectors.length]!, out);

    const seconds = durationSeconds(10);
    const samples: number[] = [];
    let count = 0;
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(seconds * 1e9));
    for (;;) {
      const t0 = process.hrtime.bigint();
      evaluator.predictInto(vectors[count % vectors.length]!, out);
      const t1 = process.hrtime.bigint();
      samples.push(Number(t1 - t0) / 1000);
      count++;
      if ((count & 1023) === 0 && t1 >= deadline) break;
    }
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    // Throughput without the per-call clock reads.
    const batchStart = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const batch = Math.max(100_000, count);
    for (let i = 0; i < batch; i++) evaluator.predictInto(vectors[i % vectors.length]!, out);
    const batchRate = batch / (Number(process.hrtime.bigint() - batchStart) / 1e9);
    const cpu = process.cpuUsage(cpuStart);
    // Predictions per second of CPU actually given to this process: the figure a core that is not shared would see.
    const cpuRate = batch / ((cpu.user + cpu.system) / 1e6);
    samples.sort((a, b) => a - b);
    const pct = (p: number) => samples[Math.min(samples.length - 1, Math.ceil((p / 100) * samples.length) - 1)]!;
    const trees = readBooster(artifact).learner.gradient_booster.model.trees.length;
    const http = await httpPredict(seconds);
    return {
      title: `AI evaluator: default model (${trees} trees, ${artifact.featureNames.length} features), ${vectors.length} real feature vectors`,
      rows: [
        {
          measure: 'evaluator',
          predictions: count,
          seconds: elapsed,
          timedRate: count / elapsed,
          batchRate,
          cpuRate,
          p50us: pct(50),
          p99us: pct(99),
          p999us: pct(99.9),
          maxus: samples[samples.length - 1]!,
          target: `≥ ${TARGET_RATE}/s, p99 ≤ ${TARGET_P99_US} µs`,
          met: batchRate >= TARGET_RATE && pct(99) <= TARGET_P99_US,
        },
        httpRow(`POST /api/ai/predict at ${HTTP_RATE} req/s, cold: right after a 2 s warm-up (${http.source} 2025 candles)`, http.cold),
        { ...httpRow(`POST /api/ai/predict at ${HTTP_RATE} req/s, warm: the next ${seconds} s`, http.warm), target: `p99 ≤ ${HTTP_P99_MS} ms`, met: http.warm.result.latency.p99 <= HTTP_P99_MS },
        httpRow(`GET /healthz at ${HTTP_RATE} req/s, same warm server (floor)`, http.floor),
      ] as Array<Record<string, Cell>>,
      figures: {
        predictionsPerSecond: batchRate,
        predictionsPerCpuSecond: cpuRate,
        p99us: pct(99),
        p50us: pct(50),
        httpReqPerSec: http.warm.result.requests.average,
        httpP50Ms: http.warm.result.latency.p50,
        httpP99Ms: http.warm.result.latency.p99,
        httpColdP99Ms: http.cold.result.latency.p99,
        ...(http.warm.cpuMsPerRequest !== undefined && { httpCpuMsPerRequest: http.warm.cpuMsPerRequest }),
        healthzP50Ms: http.floor.result.latency.p50,
        healthzP99Ms: http.floor.result.latency.p99,
        ...(http.floor.cpuMsPerRequest !== undefined && { healthzCpuMsPerRequest: http.floor.cpuMsPerRequest }),
      },
      notes: ['timedRate includes two hrtime reads per prediction; batchRate is the same loop without them', 'cpuRate divides by the CPU time the process got (process.cpuUsage): on a shared machine wall-clock figures include time other processes held the cores', 'one thread; no native library', `HTTP: embedded mode, api role in its own process, autocannon with 20 connections at ${HTTP_RATE} req/s in all over the five symbols; predict cold (after a 2 s warm-up), predict warm, then /healthz on the same server`, 'cpu ms/req: the server process\'s user + system CPU time (/proc) over the phase ÷ its requests'],
    };
  },
};

export default bench;
