/**
 * Sustained market orders against real PostgreSQL: 100 users over 100 connections,
 * alternating a market buy (~20 USDT) and a market sell of half of it (BTCUSDT), against the production
 * build (all roles, simulator prices, a fresh database). Compared in the same run with
 * GET /healthz on the same server (the HTTP floor) and with pgbench's simple-update TPS
 * on a scratch database of the same PostgreSQL (the database floor).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { createTestDatabase } from '../apps/server/src/testing/test-database.js';
import { durationSeconds, type Benchmark, type Cell } from './support/benchmark.js';
import { nextIp, quantityFor, registerUsers, withOrderBenchServer } from './support/trading-bench-users.js';

const run = promisify(execFile);
const USERS = 100;
/** Issue #5: ≥ 2,000 orders/s with p99 ≤ 50 ms. */
const TARGET_RATE = 2_000;

/** pgbench -N (simple update: no branch/teller updates) with 10 clients, or why it could not run. */
async function pgbenchTps(adminUrl: string, seconds: number): Promise<{ tps: number } | { missing: string }> {
  try {
    await run('pgbench', ['--version']);
  } catch {
    return { missing: 'pgbench is not installed (Debian: postgresql-contrib / postgresql-client)' };
  }
  const scratch = await createTestDatabase(adminUrl);
  try {
    await run('pgbench', ['-i', '-q', '-s', '1', scratch.url]);
    const { stdout } = await run('pgbench', ['-N', '-c', '10', '-j', '2', '-T', String(seconds), scratch.url]);
    const tps = /tps = ([0-9.]+)/.exec(stdout)?.[1];
    if (!tps) throw new Error(`could not read the TPS from pgbench:\n${stdout}`);
    return { tps: Number(tps) };
  } finally {
    await scratch.drop();
  }
}

/** Filled market orders and their trades, counted in the bench's own database. */
async function storedFills(url: string): Promise<{ orders: number; trades: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ orders: string; trades: string }>(
      "select (select count(*) from orders where status = 'FILLED' and type = 'MARKET') as orders, (select count(*) from transactions) as trades",
    );
    return { orders: Number(rows[0]!.orders), trades: Number(rows[0]!.trades) };
  } finally {
    await client.end();
  }
}

const headersFor = (token: string | undefined) => ({ 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` });

const benchmark: Benchmark = {
  description: 'market orders/s and p50/p99 with 100 users on PostgreSQL, vs /healthz and pgbench -N on the same machine',
  async run() {
    const adminUrl = process.env.DATABASE_URL ?? '';
    const seconds = durationSeconds(10);
    const rows: Array<Record<string, Cell>> = [];
    const figures: Record<string, number> = {};
    const notes: string[] = [];
    await withOrderBenchServer('orders', async ({ server, database, price }) => {
      const tokens = (await registerUsers(server.url, USERS)).map((u) => u.token);
      const buy = JSON.stringify({ symbol: 'BTCUSDT', quantity: quantityFor(20, price) });
      const sell = JSON.stringify({ symbol: 'BTCUSDT', quantity: quantityFor(10, price) });
      let nextUser = 0;
      // Without a rate: as fast as 100 users can go (the ceiling). With `rate`: that many orders a
      // second in all, the load the target names, whose latency is the one to hold to 50 ms.
      const orders = (duration: number, rate?: number) =>
        autocannon({
          url: server.url,
          connections: USERS,
          duration,
          ...(rate ? { overallRate: rate } : {}),
          // autocannon clears a connection's context each time it loops over the list, so
          // each buy → sell pair takes the next user (round-robin) and keeps it for the sell:
          // the sell never exceeds what that user's own buy just bought.
          requests: [
            {
              method: 'POST',
              path: '/api/trading/buy',
              setupRequest: (req, ctx: object) => {
                const context = ctx as { token?: string };
                context.token = tokens[nextUser++ % tokens.length];
                return { ...req, headers: { ...headersFor(context.token), 'x-forwarded-for': nextIp() }, body: buy };
              },
            },
            {
              method: 'POST',
              path: '/api/trading/sell',
              setupRequest: (req, ctx: object) => {
                const context = ctx as { token?: string };
                return { ...req, headers: { ...headersFor(context.token), 'x-forwarded-for': nextIp() }, body: sell };
              },
            },
          ],
        });

      const warm = await orders(2); // warm-up: JIT, pool connections, first positions
      const r = await orders(seconds);
      const atTarget = await orders(seconds, TARGET_RATE);
      for (const run of [r, atTarget]) {
        if (run.errors > 0 || run.non2xx > 0) throw new Error(`orders bench saw ${run.non2xx} non-2xx answers and ${run.errors} errors: ${JSON.stringify(run.statusCodeStats)}`);
      }
      // Every 2xx answer must be a filled order with its trade in the database, or the figure
      // means nothing. autocannon abandons the requests in flight when a run's time is up (at
      // most one per connection), which the server still completes: those are the only extra.
      const answered = warm['2xx'] + r['2xx'] + atTarget['2xx'];
      const stored = await storedFills(database.url);
      if (stored.trades !== stored.orders || stored.orders < answered || stored.orders > answered + 3 * USERS) {
        throw new Error(`${answered} orders were answered 2xx (+ at most ${3 * USERS} abandoned in flight), but the database holds ${stored.orders} filled orders and ${stored.trades} trades`);
      }
      rows.push({ measure: 'POST /api/trading/buy|sell (MARKET), 100 users, as fast as they go', 'req/s': r.requests.average, 'p50 ms': r.latency.p50, 'p99 ms': r.latency.p99, 'max ms': r.latency.max, requests: r.requests.total });
      rows.push({ measure: `the same at ${TARGET_RATE} orders/s in all`, 'req/s': atTarget.requests.average, 'p50 ms': atTarget.latency.p50, 'p99 ms': atTarget.latency.p99, 'max ms': atTarget.latency.max, requests: atTarget.requests.total });
      Object.assign(figures, {
        ordersPerSec: r.requests.average,
        ordersP50Ms: r.latency.p50,
        ordersP99Ms: r.latency.p99,
        atTargetPerSec: atTarget.requests.average,
        atTargetP99Ms: atTarget.latency.p99,
      });
      notes.push(`${answered} orders answered 2xx in all runs; the database holds ${stored.orders} filled market orders, each with its trade (the extra were in flight when a run's time was up).`);

      const h = await autocannon({ url: `${server.url}/healthz`, connections: USERS, duration: seconds });
      rows.push({ measure: 'GET /healthz (same server), 100 connections', 'req/s': h.requests.average, 'p50 ms': h.latency.p50, 'p99 ms': h.latency.p99, 'max ms': h.latency.max, requests: h.requests.total });
      figures.healthzReqPerSec = h.requests.average;
      figures.ratioToHttpBaseline = r.requests.average / h.requests.average;
    });

    const pgbench = await pgbenchTps(adminUrl, seconds);
    notes.unshift(
      'Orders are group-committed: the orders that arrive in one event-loop turn, or queue while both batch slots are busy, share one transaction of two round trips to PostgreSQL (BEGIN + lock the users in id order + read and lock their positions; then one statement with every order and fill insert and each changed balance and position + COMMIT), so one WAL flush and two round trips serve the whole batch (up to 128). Per order remain its HTTP request, its planning and its rows. The live order events follow the response; a portfolio is valued and published only for a user with a socket open.',
      'Server and load generator share the machine (and its cores) with PostgreSQL.',
    );
    if ('tps' in pgbench) {
      rows.push({ measure: 'pgbench -N -c 10 -j 2 (simple update), scratch database', 'req/s': pgbench.tps, 'p50 ms': null, 'p99 ms': null, 'max ms': null, requests: null });
      figures.pgbenchTps = pgbench.tps;
      figures.ratioToPgbench = figures.ordersPerSec! / pgbench.tps;
    } else {
      notes.push(`pgbench comparison skipped: ${pgbench.missing}`);
    }
    notes.push(`orders/s ÷ /healthz req/s = ${figures.ratioToHttpBaseline?.toFixed(3)}; orders/s ÷ pgbench TPS = ${figures.ratioToPgbench?.toFixed(3) ?? 'n/a'} (the ceiling run). Target: ≥ ${TARGET_RATE} orders/s with p99 ≤ 50 ms (the rated run).`);
    return { title: `orders: ${seconds} s, ${USERS} users, PostgreSQL, all roles in one process`, rows, figures, notes };
  },
};

export default benchmark;
