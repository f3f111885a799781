/**
 * Bench worker process: the platform's api and projector roles on the ports the environment
 * selects (embedded by default; Kafka/Redis/PostgreSQL when their variables are set), plus a
 * synthetic feed standing in for the ingest role. Modes:
 *  - `tick`: the feed publishes TickEventV1 on market.ticks (source → bus → projector → cache → WS);
 *  - `fanout`: the feed publishes ticker frames straight on the cache channels (cache → WS only).
 * Each symbol's price is its sequence number, so clients can count lost and reordered updates.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { Admin } from '@platformatic/kafka';
import { MarketTopics, type TickEventV1 } from '@cryptosim/contracts';
import { buildApp } from '../../apps/server/src/app/build-app.js';
import { closePorts, createPorts } from '../../apps/server/src/app/create-ports.js';
import { deleteKeysWithPrefix } from '../../apps/server/src/ports/cache/delete-keys-with-prefix.js';
import { loadConfig } from '../../apps/server/src/config.js';
import { marketModule } from '../../apps/server/src/modules/market/index.js';
import { encodeTickerFrame, priceChannel } from '../../apps/server/src/modules/market/projector/cache-layout.js';
import { priceRowOf } from '../../apps/server/src/modules/market/projector/project-ticks.js';
import { startProjector } from '../../apps/server/src/modules/market/projector/start-projector.js';
import { startBenchAlerts } from './bench-alerts.js';

const mode = process.env.BENCH_MODE === 'fanout' ? 'fanout' : 'tick';
// Replicas of one run share it, so they share the cache channels (and clean up once each, harmlessly).
const id = process.env.BENCH_RUN_ID ?? `${process.pid}${Date.now().toString(36)}`;
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cs-bench-'));
const config = loadConfig({
  ...process.env,
  DATA_DIR: dataDir,
  JWT_SECRET: 'b'.repeat(32),
  ROLES: 'api,projector',
  // The clients stand in for many users behind one reverse proxy on loopback (see ws-swarm.ts).
  TRUST_PROXY: '127.0.0.1',
  MARKET_SOURCE: 'simulator',
  KAFKA_TOPIC_PREFIX: `bench-${id}.`,
  CACHE_KEY_PREFIX: `bench:${id}:`,
});
const logger = pino({ level: 'warn' });
const ports = await createPorts(config, logger);
await ports.db.migrate();
const app = await buildApp(config, ports, { modules: [marketModule] });
const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws') + '/ws/prices';
const projector = mode === 'tick' ? await startProjector(ports, logger) : undefined;
const symbols = ports.market.symbols.list().map((s) => s.symbol);
// BENCH_ALERTS=n: n armed alerts and the alert evaluator on market.ticks beside the projector.
const alertCount = Number(process.env.BENCH_ALERTS ?? 0);
const alerts = mode === 'tick' && alertCount > 0 ? await startBenchAlerts(alertCount, config, ports, logger, symbols) : undefined;

const seq = new Map<string, number>();
let timer: NodeJS.Timeout | undefined;
let published = 0;
let feedStartedAt = 0;
let cpuAtFeedStart: NodeJS.CpuUsage | undefined;
/** Ticks waiting for the publish in flight; one publish at a time keeps each symbol in order. */
let pending: TickEventV1[] = [];
let inFlight: Promise<void> | undefined;

/**
 * Publishes everything pending in one call once the previous call is done, as an ingest
 * process batches, so a slow produce (Kafka acks) does not queue one request per 5 ms timer.
 */
function pump(): void {
  if (inFlight || pending.length === 0) return;
  const messages = pending.map((t) => ({ key: t.symbol, value: JSON.stringify(t) }));
  pending = [];
  inFlight = ports.bus
    .publish(MarketTopics.ticks, messages)
    .catch((err: unknown) => logger.error({ err }, 'publish failed'))
    .finally(() => {
      inFlight = undefined;
      pump();
    });
}

async function drained(): Promise<void> {
  while (inFlight) await inFlight;
}

function tickOf(symbol: string): TickEventV1 {
  const s = (seq.get(symbol) ?? 0) + 1;
  seq.set(symbol, s);
  return { v: 1, source: 'simulator', symbol, price: String(s), open24h: '1', high24h: String(s), low24h: '1', volume24h: '1', eventTime: Date.now(), seq: s };
}

/** Emits `ratePerSecond` ticks a second, round-robin over the symbols, paced by elapsed time. */
function startFeed(ratePerSecond: number): void {
  const began = performance.now();
  let due = 0;
  timer = setInterval(() => {
    const target = Math.floor(((performance.now() - began) / 1000) * ratePerSecond);
    const ticks: TickEventV1[] = [];
    for (; due < target; due++) ticks.push(tickOf(symbols[due % symbols.length]!));
    published += ticks.length;
    if (mode === 'tick') {
      pending.push(...ticks);
      pump();
    } else {
      for (const t of ticks) void ports.cache.publish(priceChannel(t.symbol), encodeTickerFrame(priceRowOf(t)));
    }
  }, 5);
}

process.on('message', async (m: { type: string; rate?: number }) => {
  if (m.type === 'feed-start') {
    published = 0;
    feedStartedAt = performance.now();
    cpuAtFeedStart = process.cpuUsage();
    // A replica that only serves sockets is started with rate 0: the others' frames reach it through Redis.
    if (m.rate! > 0) startFeed(m.rate!);
    process.send!({ type: 'feeding' });
  } else if (m.type === 'feed-stop') {
    clearInterval(timer);
    await drained();
    const cpu = process.cpuUsage(cpuAtFeedStart);
    process.send!({
      type: 'fed',
      published,
      seconds: (performance.now() - feedStartedAt) / 1000,
      cpuMs: (cpu.user + cpu.system) / 1000,
      memoryMiB: Math.round(process.memoryUsage().rss / 2 ** 20),
    });
  } else if (m.type === 'exit') {
    clearInterval(timer);
    await app.close();
    await projector?.stop();
    await alerts?.stop();
    await closePorts(ports);
    await rm(dataDir, { recursive: true, force: true });
    await cleanUpServices();
    process.exit(0);
  }
});
/** Leaves nothing of this run on a shared Redis or Kafka. */
async function cleanUpServices(): Promise<void> {
  if (config.redisUrl) await deleteKeysWithPrefix(config.redisUrl, config.cacheKeyPrefix);
  if (config.kafkaBrokers) {
    const admin = new Admin({ clientId: `bench-cleanup-${id}`, bootstrapBrokers: config.kafkaBrokers });
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(config.kafkaTopicPrefix));
    if (topics.length) await admin.deleteTopics({ topics }).catch(() => undefined);
    const groups = [...(await admin.listGroups()).keys()].filter((g) => g.startsWith(config.kafkaTopicPrefix));
    if (groups.length) await admin.deleteGroups({ groups }).catch(() => undefined);
    await admin.close();
  }
}

process.send!({ type: 'ready', url, symbols, ports: { db: ports.db.impl, cache: ports.cache.impl, bus: ports.bus.impl } });
