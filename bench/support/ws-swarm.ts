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

const PRICE = /"price":"(\d+)"/;
const UPDATED = /"updatedAt":(\d+)/;

function onFrame(client: Client, data: Buffer): void {
  const text = data.toString();
  if (!text.startsWith('{"type":"ticker"')) return;
  const now = Date.now();
  const seq = Number(PRICE.exec(text)?.[1]);
  const updatedAt = Number(UPDATED.exec(text)?.[1]);
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
    const ws = new WebSocket(url, { headers: { 'x-forwarded-for': ip }, perMessageDeflate: false });
    const client: Client = { ws, last: 0 };
    const fail = (err: Error) => {
      lastError = err.message;
      resolve(undefined);
    };
    ws.once('error', fail);
    ws.once('open', () => {
      ws.send(JSON.stringify({ op: 'subscribe', symbols: [symbol], channels: ['ticker'] }));
    });
    ws.on('message', (data: Buffer) => {
      if (data.toString().startsWith('{"type":"subscribed"')) {
        ws.off('error', fail);
        ws.on('error', () => undefined);
        resolve(client);
      } else onFrame(client, data);
    });
  });
}

async function connect(url: string, count: number, symbols: string[]): Promise<number> {
  let failed = 0;
  const target = clients.length + count;
  while (clients.length + failed < target) {
    const batch = Math.min(200, target - clients.length - failed);
    const opened = await Promise.all(
      Array.from({ length: batch }, (_, i) => {
        const index = clients.length + failed + i;
        return open(url, index, symbols[index % symbols.length]!);
      }),
    );
    for (const c of opened) {
      if (c) clients.push(c);
      else failed += 1;
    }
  }
  return failed;
}

process.on('message', async (m: { type: string; url?: string; count?: number; symbols?: string[] }) => {
  if (m.type === 'connect') {
    const failed = await connect(m.url!, m.count!, m.symbols!);
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
