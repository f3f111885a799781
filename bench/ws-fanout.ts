/**
 * /ws/prices fan-out: how many clients, each receiving 10 ticker frames a second, before the
 * p99 delivery latency passes 100 ms. Frames are published on the cache channels (the
 * projector's output), so this measures the api role alone: cache pub/sub → hub → sockets.
 *
 * Two topologies, each stepped up until it fails:
 *  - one embedded api process (in-memory cache), as `npm start` runs on a laptop;
 *  - when REDIS_URL is set, the api tier as DESIGN.md deploys it: BENCH_API_REPLICAS (2) api
 *    processes sharing one Redis pub/sub, the clients spread evenly over them as the load
 *    balancer does (they connect to each replica directly: no proxy hop is measured).
 * Server processes and the clients (one process) share the same machine and its cores; one
 * client process holds at most ~19,900 sockets (RLIMIT_NOFILE 20,000 here), which caps the steps.
 */
import { randomUUID } from 'node:crypto';
import { durationSeconds, type Benchmark, type Cell } from './support/benchmark.js';
import { forkWorker, type Worker } from './support/fork-worker.js';
import { LatencyHistogram } from './support/latency-histogram.js';

const PER_CLIENT_PER_SECOND = 10;
const P99_LIMIT_MS = 100;
const STEPS = (process.env.BENCH_FANOUT_STEPS ?? '1000,2500,5000,7500,10000,12500,15000,17500,19500').split(',').map(Number);
const REPLICAS = Number(process.env.BENCH_API_REPLICAS ?? 2);

interface Fed {
  published: number;
  cpuMs: number;
  memoryMiB: number;
}

interface Measured {
  histogram: { buckets: number[]; count: number; max: number };
  lost: number;
  reordered: number;
  frames: number;
  open: number;
  memoryMiB: number;
}

/** Steps one topology up until p99 passes the limit; returns its rows and the best passing step. */
async function stepUp(label: string, replicas: number, env: Record<string, string | undefined>): Promise<{ rows: Array<Record<string, Cell>>; best: number }> {
  const runId = randomUUID().slice(0, 8);
  const servers: Worker[] = Array.from({ length: replicas }, () => forkWorker('market-bench-server.ts', { ...env, BENCH_MODE: 'fanout', BENCH_RUN_ID: runId }));
  const swarm = forkWorker('ws-swarm.ts');
  const rows: Array<Record<string, Cell>> = [];
  let best = 0;
  try {
    const ready = await Promise.all(servers.map((s) => s.next<{ url: string; symbols: string[] }>('ready')));
    await swarm.next('ready');
    const symbols = ready[0]!.symbols;
    const seconds = durationSeconds(5);
    // Every client follows one symbol, so each symbol's rate is what each client receives.
    const rate = PER_CLIENT_PER_SECOND * symbols.length;
    let connected = 0;
    for (const target of STEPS) {
      swarm.send({ type: 'connect', urls: ready.map((r) => r.url), count: target - connected, symbols });
      const c = await swarm.next<{ total: number; failed: number; lastError?: string }>('connected');
      connected = c.total;
      // One feed (the first replica's) publishes; with Redis every replica receives it.
      servers.forEach((s, i) => s.send({ type: 'feed-start', rate: i === 0 ? rate : 0 }));
      await Promise.all(servers.map((s) => s.next('feeding')));
      await new Promise((r) => setTimeout(r, 1_000));
      swarm.send({ type: 'measure-start' });
      await swarm.next('measuring');
      await new Promise((r) => setTimeout(r, seconds * 1_000));
      swarm.send({ type: 'measure-stop' });
      const m = await swarm.next<Measured>('measured');
      servers.forEach((s) => s.send({ type: 'feed-stop' }));
      const fed = await Promise.all(servers.map((s) => s.next<Fed>('fed')));
      const h = new LatencyHistogram();
      h.merge(m.histogram);
      const p99 = h.percentile(99);
      const framesSent = (fed[0]!.published * m.open) / symbols.length;
      const cpuMs = fed.reduce((sum, f) => sum + f.cpuMs, 0);
      rows.push({
        topology: label,
        clients: m.open,
        'connect failures': c.failed,
        'frames/s delivered': Math.round(m.frames / seconds),
        'frames/s expected': m.open * PER_CLIENT_PER_SECOND,
        'p50 ms': h.percentile(50),
        'p99 ms': p99,
        'max ms': h.max,
        lost: m.lost,
        reordered: m.reordered,
        'server CPU µs/frame': Math.round(((cpuMs * 1000) / framesSent) * 100) / 100,
        'server RSS MiB': fed.reduce((sum, f) => sum + f.memoryMiB, 0),
        'clients RSS MiB': m.memoryMiB,
      });
      if (p99 > P99_LIMIT_MS || c.failed > 0) break;
      best = m.open;
      await new Promise((r) => setTimeout(r, 1_000)); // let queues drain between steps
    }
  } finally {
    await Promise.all([swarm.stop(), ...servers.map((s) => s.stop())]);
  }
  return { rows, best };
}

const benchmark: Benchmark = {
  description: 'clients at 10 frames/s each until p99 > 100 ms: one embedded api process, and api replicas on Redis when REDIS_URL is set',
  async run() {
    const embedded = await stepUp('1 api process, embedded', 1, { DATABASE_URL: undefined, REDIS_URL: undefined, KAFKA_BROKERS: undefined });
    const figures: Record<string, number> = { maxClientsWithinP99_embedded: embedded.best };
    const rows = [...embedded.rows];
    const notes = [
      `maxClientsWithinP99 = the largest step whose p99 stayed ≤ ${P99_LIMIT_MS} ms with no connect failure: embedded ${embedded.best}.`,
      'Latency = client receive time − frame updatedAt (Date.now() in all processes, 1 ms resolution).',
      'server CPU µs/frame = the api processes\' CPU time (user + system) over the step ÷ the frames they sent.',
    ];
    if (process.env.REDIS_URL) {
      const tier = await stepUp(`${REPLICAS} api replicas, Redis pub/sub`, REPLICAS, { DATABASE_URL: undefined, KAFKA_BROKERS: undefined });
      rows.push(...tier.rows);
      figures[`maxClientsWithinP99_${REPLICAS}replicas`] = tier.best;
      notes[0] += ` ${REPLICAS} replicas on Redis ${tier.best}.`;
    } else {
      notes.push(`Set REDIS_URL to add the api tier as deployed (${REPLICAS} replicas sharing Redis pub/sub).`);
    }
    return {
      title: `ws-fanout: /ws/prices clients at ${PER_CLIENT_PER_SECOND} frames/s each, until p99 > ${P99_LIMIT_MS} ms`,
      rows,
      figures,
      notes,
    };
  },
};

export default benchmark;
