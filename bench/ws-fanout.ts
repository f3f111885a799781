/**
 * /ws/prices fan-out: how many clients, each receiving 10 ticker frames a second, before the
 * p99 delivery latency passes 100 ms. Frames are published on the cache channels (the
 * projector's output), so this measures the api role alone: cache pub/sub → hub → sockets.
 * Server and clients are two processes on the same machine, each pinned to its own core
 * (pin-to-cpu.ts); one client process holds at most ~19,900 sockets (RLIMIT_NOFILE 20,000
 * here), which caps the steps.
 */
import { durationSeconds, type Benchmark, type Cell } from './support/benchmark.js';
import { forkWorker } from './support/fork-worker.js';
import { LatencyHistogram } from './support/latency-histogram.js';
import { pinToCpu, placementNote } from './support/pin-to-cpu.js';
import type { SwarmMeasurement } from './support/swarm-measurement.js';

const PER_CLIENT_PER_SECOND = 10;
const P99_LIMIT_MS = 100;
const STEPS = (process.env.BENCH_FANOUT_STEPS ?? '1000,2500,5000,7500,10000,12500,15000,17500,19500').split(',').map(Number);


/** µs of CPU per frame, to two decimals. */
const perFrame = (cpuMs: number, frames: number) => Math.round(((cpuMs * 1000) / Math.max(1, frames)) * 100) / 100;

const benchmark: Benchmark = {
  description: 'clients at 10 frames/s each until p99 > 100 ms (embedded api role; server and clients in two processes, one core each)',
  async run() {
    const server = forkWorker('market-bench-server.ts', { BENCH_MODE: 'fanout', DATABASE_URL: undefined, REDIS_URL: undefined, KAFKA_BROKERS: undefined });
    const swarm = forkWorker('ws-swarm.ts');
    const placement = placementNote(pinToCpu(server.pid, 0), pinToCpu(swarm.pid, 1));
    const rows: Array<Record<string, Cell>> = [];
    let best = 0;
    try {
      const ready = await server.next<{ url: string; symbols: string[] }>('ready');
      await swarm.next('ready');
      const seconds = durationSeconds(5);
      // Every client follows one symbol, so each symbol's rate is what each client receives.
      const rate = PER_CLIENT_PER_SECOND * ready.symbols.length;
      let connected = 0;
      for (const target of STEPS) {
        swarm.send({ type: 'connect', urls: [ready.url], count: target - connected, symbols: ready.symbols });
        const c = await swarm.next<{ total: number; failed: number; lastError?: string }>('connected');
        connected = c.total;
        server.send({ type: 'feed-start', rate });
        await server.next('feeding');
        await new Promise((r) => setTimeout(r, 1_000));
        swarm.send({ type: 'measure-start' });
        await swarm.next('measuring');
        await new Promise((r) => setTimeout(r, seconds * 1_000));
        swarm.send({ type: 'measure-stop' });
        const m = await swarm.next<SwarmMeasurement>('measured');
        server.send({ type: 'feed-stop' });
        const fed = await server.next<{ published: number; cpuMs: number; memoryMiB: number }>('fed');
        const h = new LatencyHistogram();
        h.merge(m.histogram);
        const p99 = h.percentile(99);
        rows.push({
          clients: m.open,
          'connect failures': c.failed,
          'frames/s delivered': Math.round(m.frames / seconds),
          'frames/s expected': m.open * PER_CLIENT_PER_SECOND,
          'p50 ms': h.percentile(50),
          'p99 ms': p99,
          'max ms': h.max,
          lost: m.lost,
          reordered: m.reordered,
          // The server's CPU over the whole feed (warm-up included) ÷ the frames it sent then.
          'server CPU µs/frame': perFrame(fed.cpuMs, (fed.published * m.open) / ready.symbols.length),
          'clients CPU µs/frame': perFrame(m.cpuMs, m.frames),
          'server RSS MiB': fed.memoryMiB,
          'clients RSS MiB': m.memoryMiB,
        });
        if (p99 > P99_LIMIT_MS || c.failed > 0) break;
        best = m.open;
        await new Promise((r) => setTimeout(r, 1_000)); // let queues drain between steps
      }
    } finally {
      await Promise.all([swarm.stop(), server.stop()]);
    }
    return {
      title: `ws-fanout: /ws/prices clients at ${PER_CLIENT_PER_SECOND} frames/s each, embedded, until p99 > ${P99_LIMIT_MS} ms`,
      rows,
      figures: { maxClientsWithinP99: best },
      notes: [
        `maxClientsWithinP99 = ${best}: the largest step whose p99 stayed ≤ ${P99_LIMIT_MS} ms with no connect failure.`,
        'Latency = client receive time − frame updatedAt (Date.now() in both processes, 1 ms resolution).',
        placement,
        'CPU µs/frame = user + system CPU time of the process ÷ frames sent (server) or received (clients).',
      ],
    };
  },
};

export default benchmark;
