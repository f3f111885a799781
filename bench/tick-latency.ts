/**
 * Source → bus → projector → cache → WS client latency at 1,000 ticks/s over 10 symbols with
 * 1,000 connected clients (each on one symbol's ticker), plus lost and reordered updates per
 * client. Embedded always; again with Kafka and Redis when KAFKA_BROKERS and REDIS_URL are set.
 * The server (api + projector + synthetic feed) and the clients run in two separate processes
 * on the same machine, so they share its CPU cores.
 */
import { durationSeconds, type Benchmark, type Cell } from './support/benchmark.js';
import { forkWorker } from './support/fork-worker.js';
import { LatencyHistogram } from './support/latency-histogram.js';
import { pinToCpu, placementNote } from './support/pin-to-cpu.js';
import type { SwarmMeasurement } from './support/swarm-measurement.js';
import { alertEvaluationCost } from './support/alert-evaluation-cost.js';

const TICKS_PER_SECOND = Number(process.env.BENCH_TICK_RATE ?? 1_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1_000);
const WARMUP_MS = 2_000;
/** BENCH_ALERTS=10000: the embedded run again with that many armed alerts evaluated on every tick. */
const ALERTS = Number(process.env.BENCH_ALERTS ?? 0);


let placement = '';

async function run(label: string, env: Record<string, string | undefined>): Promise<Record<string, Cell>> {
  const server = forkWorker('market-bench-server.ts', { BENCH_ALERTS: '0', ...env, BENCH_MODE: 'tick' });
  const swarm = forkWorker('ws-swarm.ts');
  placement = placementNote(pinToCpu(server.pid, 0), pinToCpu(swarm.pid, 1));
  try {
    const ready = await server.next<{ url: string; symbols: string[]; ports: Record<string, string> }>('ready');
    await swarm.next('ready');
    swarm.send({ type: 'connect', urls: [ready.url], count: CLIENTS, symbols: ready.symbols });
    const connected = await swarm.next<{ total: number; failed: number; lastError?: string }>('connected');
    if (connected.failed > 0) throw new Error(`${connected.failed} of ${CLIENTS} clients could not connect: ${connected.lastError}`);

    server.send({ type: 'feed-start', rate: TICKS_PER_SECOND });
    await server.next('feeding');
    await new Promise((r) => setTimeout(r, WARMUP_MS));
    const seconds = durationSeconds(10);
    swarm.send({ type: 'measure-start' });
    await swarm.next('measuring');
    await new Promise((r) => setTimeout(r, seconds * 1_000));
    swarm.send({ type: 'measure-stop' });
    const m = await swarm.next<SwarmMeasurement>('measured');
    server.send({ type: 'feed-stop' });
    const fed = await server.next<{ published: number; seconds: number; cpuMs: number; memoryMiB: number }>('fed');

    const h = new LatencyHistogram();
    h.merge(m.histogram);
    return {
      mode: label,
      ports: `${ready.ports.bus}/${ready.ports.cache}/${ready.ports.db}`,
      'ticks/s offered': TICKS_PER_SECOND,
      'ticks/s published': Math.round(fed.published / fed.seconds),
      clients: m.open,
      'frames received': m.frames,
      'p50 ms': h.percentile(50),
      'p99 ms': h.percentile(99),
      'max ms': h.max,
      lost: m.lost,
      reordered: m.reordered,
      // Every tick goes to the clients following its symbol: published × clients ÷ symbols frames.
      'server CPU µs/frame': Math.round(((fed.cpuMs * 1000) / ((fed.published * m.open) / ready.symbols.length)) * 100) / 100,
      'server RSS MiB': fed.memoryMiB,
      'clients RSS MiB': m.memoryMiB,
    };
  } finally {
    await Promise.all([swarm.stop(), server.stop()]);
  }
}

const benchmark: Benchmark = {
  description: 'tick → WS latency p50/p99/max at 1,000 ticks/s, 10 symbols, 1,000 clients; lost/reordered updates',
  async run() {
    const embedded = { DATABASE_URL: undefined, REDIS_URL: undefined, KAFKA_BROKERS: undefined };
    const rows = [await run('embedded', embedded)];
    const withAlerts = `embedded + ${ALERTS} alerts`;
    if (ALERTS > 0) rows.push(await run(withAlerts, { ...embedded, BENCH_ALERTS: String(ALERTS) }));
    const services = process.env.KAFKA_BROKERS && process.env.REDIS_URL;
    if (services) rows.push(await run('kafka+redis', {}));
    if (services && ALERTS > 0) rows.push(await run(`kafka+redis + ${ALERTS} alerts`, { BENCH_ALERTS: String(ALERTS) }));
    const figures: Record<string, number> = {};
    const KEYS: Record<string, string> = { embedded: 'embedded', [withAlerts]: 'embeddedAlerts', 'kafka+redis': 'services', [`kafka+redis + ${ALERTS} alerts`]: 'servicesAlerts' };
    for (const r of rows) {
      const key = KEYS[r.mode as string]!;
      figures[`${key}_p50Ms`] = r['p50 ms'] as number;
      figures[`${key}_p99Ms`] = r['p99 ms'] as number;
      figures[`${key}_maxMs`] = r['max ms'] as number;
      figures[`${key}_lost`] = r.lost as number;
      figures[`${key}_reordered`] = r.reordered as number;
    }
    const overhead = (base: string, alerted: string) =>
      figures[`${base}_p99Ms`] && figures[`${alerted}_p99Ms`] !== undefined
        ? Math.round(((figures[`${alerted}_p99Ms`]! - figures[`${base}_p99Ms`]!) / figures[`${base}_p99Ms`]!) * 1000) / 10
        : undefined;
    const alertNotes: string[] = [];
    if (ALERTS > 0) {
      const cost = alertEvaluationCost(ALERTS, ['BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT', 'ADAUSDT', 'TRXUSDT', 'AVAXUSDT', 'LINKUSDT']);
      figures.alertParseCpuUsPerTick = cost.parseUs;
      figures.alertEvaluateCpuUsPerTick = cost.evaluateUs;
      alertNotes.push(`Evaluator CPU per tick with ${ALERTS} armed alerts: ${cost.evaluateUs} µs (of which parsing the message ${cost.parseUs} µs), i.e. ${Math.round(cost.evaluateUs * TICKS_PER_SECOND / 100) / 100} % of a core at ${TICKS_PER_SECOND} ticks/s.`);
    }
    for (const [base, alerted] of [['embedded', 'embeddedAlerts'], ['services', 'servicesAlerts']] as const) {
      const pct = overhead(base, alerted);
      if (pct === undefined) continue;
      figures[`${alerted}_p99OverheadPercent`] = pct;
      alertNotes.push(`${base}: p99 ${figures[`${base}_p99Ms`]} ms without alerts, ${figures[`${alerted}_p99Ms`]} ms with ${ALERTS} armed alerts (${pct >= 0 ? '+' : ''}${pct} %).`);
    }
    return {
      title: `tick-latency: source → bus → projector → cache → /ws/prices, ${TICKS_PER_SECOND} ticks/s, ${CLIENTS} clients, ${durationSeconds(10)} s measured`,
      rows,
      figures,
      notes: [
        'Latency = client receive time − tick eventTime (set by the feed when it publishes), both Date.now() on one machine: 1 ms resolution.',
        'Server process: api + projector + synthetic feed (the ingest role). Clients: one other process.',
        placement,
        'Each client follows one symbol\'s ticker (100 clients per symbol), so the server sends ~100,000 frames/s.',
        'lost = gaps in a client\'s per-symbol sequence (coalesced for a slow client, or dropped); reordered = a sequence not above the last one.',
        ...(ALERTS > 0
          ? [`Alert rows: ${ALERTS} armed PRICE_ABOVE/PRICE_BELOW alerts over the symbols (none reached by the bench prices), evaluated by the projector role's alert evaluator (its own consumer group on market.ticks) in the server process.`, ...alertNotes]
          : ['Set BENCH_ALERTS=10000 to add a row with that many armed price alerts evaluated on every tick.']),
        services ? 'kafka+redis row: Kafka bus and Redis cache/pub-sub (PostgreSQL when DATABASE_URL is set, else PGlite).' : 'Set KAFKA_BROKERS and REDIS_URL to add the Kafka+Redis row.',
      ],
    };
  },
};

export default benchmark;
