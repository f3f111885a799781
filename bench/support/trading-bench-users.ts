/** The server, users and prices for the benches that place orders against a server process. */
import { startServerProcess, type ServerProcess } from '../../apps/server/src/testing/server-process.js';
import { createTestDatabase, type TestDatabase } from '../../apps/server/src/testing/test-database.js';

export interface BenchUser {
  username: string;
  token: string;
}

async function json<T>(res: Response, what: string): Promise<T> {
  if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function waitForPrice(url: string, symbol: string): Promise<number> {
  for (let i = 0; i < 120; i++) {
    const body = await json<{ prices: Array<{ price: string }> }>(await fetch(`${url}/api/market/prices?symbols=${symbol}`), 'prices');
    if (body.prices[0]) return Number(body.prices[0].price);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no ${symbol} price from the simulator within 60 s`);
}

/** `fn` over 0‥count−1, `concurrency` at a time (set-up requests should not swamp the server). */
export async function mapLimited<T>(count: number, concurrency: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) out[i] = await fn(i);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return out;
}

/** Registers `count` users, a few at a time (each sign-up hashes a password). */
export function registerUsers(url: string, count: number, concurrency = 8): Promise<BenchUser[]> {
  return mapLimited(count, concurrency, async (i) => {
    const username = `bench_${process.pid}_${i}`;
    const res = await fetch(`${url}/api/auth/register`, {
      method: 'POST',
      // One address per user: the per-address sign-up limit is for attackers, not this load.
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` },
      body: JSON.stringify({ username, email: `${username}@example.com`, password: 'correct horse battery' }),
    });
    return { username, token: (await json<{ accessToken: string }>(res, 'register')).accessToken };
  });
}

// A new client address per request: the general limit (600 requests a minute per address) and
// Binance's weight limit (6,000 a minute per address) would otherwise cap the load; each request
// still pays for its counters.
let ip = 0;
export function nextIp(): string {
  ip += 1;
  return `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`;
}

/** Quantity worth about `usdt` at `price`, on BTCUSDT's 0.00001 lot step. */
export const quantityFor = (usdt: number, price: number) => (Math.ceil((usdt / price) * 1e5) / 1e5).toFixed(5);

export interface OrderBenchServer {
  server: ServerProcess;
  database: TestDatabase;
  /** BTCUSDT's first simulated price. */
  price: number;
}

/**
 * The built server (all roles, simulator prices) on a scratch PostgreSQL database, for `use`;
 * both are gone afterwards. `bench` names the bench in the error when DATABASE_URL is missing.
 */
export async function withOrderBenchServer<T>(bench: string, use: (s: OrderBenchServer) => Promise<T>): Promise<T> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error(`${bench} needs DATABASE_URL (a PostgreSQL it may create scratch databases on), e.g. postgres://postgres@127.0.0.1:5432/test`);
  const database = await createTestDatabase(adminUrl);
  const server = await startServerProcess({ DATABASE_URL: database.url, MARKET_SOURCE: 'simulator', TRUST_PROXY: 'true' });
  try {
    return await use({ server, database, price: await waitForPrice(server.url, 'BTCUSDT') });
  } finally {
    await server.stop();
    await database.drop();
  }
}
