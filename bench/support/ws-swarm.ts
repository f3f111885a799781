/**
 * Bench worker process: many /ws/prices clients. Each subscribes to the ticker of one symbol
 * (client i → symbols[i % n]) and, while measuring, records the latency of every ticker frame
 * (receive time − the tick's updatedAt) and gaps or reversals in its price, which the bench
 * feeds carry as a per-symbol sequence number.
 */
import { WebSocket } from 'ws';
import { LatencyHistogram } from './latency-histogram.js';

interface Client {
  ws: WebSocket;
  last: number;
}

const clients: Client[] = [];
let measuring = false;
let histogram = new LatencyHistogram();
let lost = 0;
let reordered = 0;
let frames = 0;
let lastError: string | undefined;

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

function open(url: string, index: number, symbol: string): Promise<Client | undefined> {
  return new Promise((resolve) => {
    // A distinct address per client, as behind the reverse proxy; the per-IP limit applies per client.
    const ip = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
    // The server is trusted here, so ws's UTF-8 check of every frame is skipped (client CPU).
    const ws = new WebSocket(url, { headers: { 'x-forwarded-for': ip }, perMessageDeflate: false, skipUTF8Validation: true });
    const client: Client = { ws, last: 0 };
    const fail = (err: Error) => {
      lastError = err.message;
      resolve(undefined);
    };
    ws.once('error', fail);
    ws.once('open', () => {
      ws.send(JSON.stringify({ op: 'subscribe', symbols: [symbol], channels: ['ticker'] }));
    });
    const onReply = (data: Buffer) => {
      if (!data.toString().startsWith('{"type":"subscribed"')) return onFrame(client, data);
      ws.off('error', fail);
      ws.on('error', () => undefined);
      // From here on every frame is an update: no reply check (and string copy) per frame.
      ws.off('message', onReply);
      ws.on('message', (frame: Buffer) => onFrame(client, frame));
      resolve(client);
    };
    ws.on('message', onReply);
  });
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
    measuring = true;
    process.send!({ type: 'measuring' });
  } else if (m.type === 'measure-stop') {
    measuring = false;
    const open = clients.filter((c) => c.ws.readyState === WebSocket.OPEN).length;
    process.send!({ type: 'measured', histogram: histogram.toJSON(), lost, reordered, frames, open, memoryMiB: Math.round(process.memoryUsage().rss / 2 ** 20) });
  } else if (m.type === 'exit') {
    for (const c of clients) c.ws.terminate();
    process.exit(0);
  }
});
process.send!({ type: 'ready' });
