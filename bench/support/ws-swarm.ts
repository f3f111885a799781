/**
 * Bench worker process: many /ws/prices clients. Each subscribes to the ticker of one symbol
 * (client i → symbols[i % n]) and, while measuring, records the latency of every ticker frame
 * (receive time − the tick's updatedAt) and gaps or reversals in its price, which the bench
 * feeds carry as a per-symbol sequence number. The clients are lean-ws-client.ts, not ws: the
 * load generator shares the machine with the server, and ws cost it more CPU per frame than
 * the server spends.
 */
import { LatencyHistogram } from './latency-histogram.js';
import { LeanWebSocket } from './lean-ws-client.js';
import type { SwarmMeasurement } from './swarm-measurement.js';

interface Client {
  ws: LeanWebSocket | undefined;
  last: number;
  /** Until the subscription is confirmed, frames are replies, not updates. */
  subscribed: boolean;
}

const clients: Client[] = [];
let measuring = false;
let histogram = new LatencyHistogram();
let lost = 0;
let reordered = 0;
let frames = 0;
let lastError: string | undefined;
let cpuAtStart: NodeJS.CpuUsage | undefined;

const TICKER = Buffer.from('{"type":"ticker"');
const PRICE = Buffer.from('"price":"');
const UPDATED = Buffer.from('"updatedAt":');
const DIGIT_0 = 48;

/** The decimal integer at `from` in `data` (the frame's ASCII digits), or NaN when there is none. */
function integerAt(data: Buffer, from: number): number {
  let value = 0;
  let i = from;
  for (; i < data.length; i++) {
    const d = data[i]! - DIGIT_0;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  return i === from ? NaN : value;
}

/** The integer after `field` in the frame; read from the bytes, since 100,000 frames/s is the clients' CPU budget. */
function field(data: Buffer, name: Buffer): number {
  const at = data.indexOf(name);
  return at < 0 ? NaN : integerAt(data, at + name.length);
}

function onFrame(client: Client, data: Buffer): void {
  if (data.compare(TICKER, 0, TICKER.length, 0, TICKER.length) !== 0) return;
  const now = Date.now();
  const seq = field(data, PRICE);
  const updatedAt = field(data, UPDATED);
  if (Number.isNaN(seq) || Number.isNaN(updatedAt)) throw new Error(`ticker frame without an integer price or updatedAt: ${data.toString()}`);
  if (measuring) {
    frames += 1;
    histogram.record(now - updatedAt);
    if (client.last > 0) {
      if (seq <= client.last) reordered += 1;
      else if (seq > client.last + 1) lost += seq - client.last - 1;
    }
  }
  if (seq > client.last) client.last = seq;
}

const SUBSCRIBED = Buffer.from('{"type":"subscribed"');

async function open(url: string, index: number, symbol: string): Promise<Client | undefined> {
  // A distinct address per client, as behind the reverse proxy; the per-IP limit applies per client.
  const ip = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
  const client: Client = { ws: undefined, last: 0, subscribed: false };
  let settle: ((err?: Error) => void) | undefined;
  const confirmed = new Promise<void>((resolve, reject) => (settle = (err) => (err ? reject(err) : resolve())));
  try {
    client.ws = await LeanWebSocket.connect(url, {
      headers: { 'x-forwarded-for': ip },
      onText: (data) => {
        if (client.subscribed) return onFrame(client, data);
        if (data.compare(SUBSCRIBED, 0, SUBSCRIBED.length, 0, SUBSCRIBED.length) === 0) {
          client.subscribed = true;
          settle!();
        } else onFrame(client, data);
      },
      onClose: (err) => {
        if (err) lastError = err.message;
        settle!(err ?? new Error('closed before the subscription was confirmed'));
      },
    });
    client.ws.sendText(JSON.stringify({ op: 'subscribe', symbols: [symbol], channels: ['ticker'] }));
    await confirmed;
    return client;
  } catch (err) {
    lastError = (err as Error).message;
    return undefined;
  }
}

/** Client i connects to urls[i % n]: an even spread over the api replicas, as a load balancer would. */
async function connect(urls: string[], count: number, symbols: string[]): Promise<number> {
  let failed = 0;
  const target = clients.length + count;
  while (clients.length + failed < target) {
    const batch = Math.min(200, target - clients.length - failed);
    const opened = await Promise.all(
      Array.from({ length: batch }, (_, i) => {
        const index = clients.length + failed + i;
        return open(urls[index % urls.length]!, index, symbols[index % symbols.length]!);
      }),
    );
    for (const c of opened) {
      if (c) clients.push(c);
      else failed += 1;
    }
  }
  return failed;
}

process.on('message', async (m: { type: string; urls?: string[]; count?: number; symbols?: string[] }) => {
  if (m.type === 'connect') {
    const failed = await connect(m.urls!, m.count!, m.symbols!);
    process.send!({ type: 'connected', total: clients.length, failed, lastError });
  } else if (m.type === 'measure-start') {
    histogram = new LatencyHistogram();
    lost = reordered = frames = 0;
    cpuAtStart = process.cpuUsage();
    measuring = true;
    process.send!({ type: 'measuring' });
  } else if (m.type === 'measure-stop') {
    measuring = false;
    const cpu = process.cpuUsage(cpuAtStart);
    const open = clients.filter((c) => c.ws?.open).length;
    const measurement: SwarmMeasurement = { histogram: histogram.toJSON(), lost, reordered, frames, open, cpuMs: (cpu.user + cpu.system) / 1000, memoryMiB: Math.round(process.memoryUsage().rss / 2 ** 20) };
    process.send!({ type: 'measured', ...measurement });
  } else if (m.type === 'exit') {
    for (const c of clients) c.ws?.terminate();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
