/**
 * Issue #12: the built-in assistant answers 50 concurrent conversations with p99 ≤ 50 ms per
 * reply and the first SSE byte within 100 ms (embedded mode: PGlite + memory cache, the API in
 * this process over real HTTP); and the LLM path's overhead around a scripted OpenAI-compatible
 * server that answers at once (a tool call, then the text), i.e. what our side adds per turn.
 */
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { buildApp } from '../apps/server/src/app/build-app.js';
import { loadConfig } from '../apps/server/src/config.js';
import type { Ports } from '../apps/server/src/kernel/ports.js';
import { MemoryBus } from '../apps/server/src/ports/bus/memory-bus.js';
import { MemoryCache } from '../apps/server/src/ports/cache/memory-cache.js';
import { openPgliteDb } from '../apps/server/src/ports/db/pglite-db.js';
import { MemoryJobs } from '../apps/server/src/ports/jobs/memory-jobs.js';
import { createMarketSource, tickerKey } from '../apps/server/src/modules/market/index.js';
import { startScriptedServer, textChunks, toolCallChunks } from '../apps/server/src/modules/ai/assistant/testing/scripted-openai-server.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { durationSeconds, type Benchmark, type Cell } from './support/benchmark.js';

const CONVERSATIONS = 50;
const REPLY_P99_MS = 50;
const FIRST_BYTE_P99_MS = 100;
/** A fast reader: a person reads a reply and types the next question in well over a second. */
const THINK_MS = 1000;
const QUESTIONS = ['비트코인 가격 알려줘', 'Show my portfolio', '수수료 얼마야?', 'What is the tick size for ETH?', '이더리움 0.1개 사줘', 'my open orders', '내 수익률은?', 'What does RSI mean?'];
const silent = pino({ level: 'silent' });

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function startApi(env: Record<string, string>) {
  const db = await openPgliteDb({ dataDir: null, logger: silent });
  await db.migrate();
  const cache = new MemoryCache(silent);
  const config = loadConfig({ DATA_DIR: '/tmp/cs-chat-bench', JWT_SECRET: 'chat-bench-secret-'.padEnd(40, 'x'), ROLES: 'api', MARKET_SOURCE: 'simulator', TRUST_PROXY: 'true', LOG_LEVEL: 'silent', AI_CHAT_RATE_PER_MINUTE: '100000', ...env });
  const ports: Ports = { db, cache, bus: new MemoryBus({ logger: silent }), jobs: new MemoryJobs(silent), market: createMarketSource({ market: config.market, logger: silent }) };
  for (const [symbol, price] of Object.entries({ BTCUSDT: '64123.45', ETHUSDT: '3012.5' })) {
    await cache.hset(tickerKey(symbol), { symbol, price, open24h: price, high24h: price, low24h: price, volume24h: '1000000', changePercent24h: '0', updatedAt: String(Date.now() + 3_600_000), source: 'simulator' });
  }
  const app = await buildApp(config, ports, {});
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const users: Array<Record<string, string>> = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const res = await fetch(`${base}/api/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` }, body: JSON.stringify({ username: `bench_${process.pid}_${i}`, email: `b${process.pid}_${i}@example.com`, password: 'correct horse battery' }) });
    const { accessToken } = (await res.json()) as { accessToken: string };
    users.push({ authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', 'x-forwarded-for': `10.8.${i >> 8}.${i & 255}` });
  }
  return { base, users, close: async () => void (await app.close(), await Promise.allSettled([ports.bus.close(), ports.jobs.close(), ports.market.close(), cache.close(), db.close()])) };
}

/**
 * 50 conversations at once for `seconds`: each sends its next question `thinkMs` after its last
 * reply ended (starting at a random point of its first pause, so they do not march in step).
 * thinkMs 0 is a saturation run: 50 requests always in flight, so latency there is 50 ÷ throughput.
 */
async function converse(base: string, users: Array<Record<string, string>>, seconds: number, stream: boolean, thinkMs: number) {
  const reply: number[] = [];
  const firstByte: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    users.map(async (headers, u) => {
      let conversationId: string | undefined;
      if (thinkMs > 0) await sleep(Math.random() * thinkMs);
      for (let turn = 0; performance.now() < until; turn++) {
        if (turn > 0 && thinkMs > 0) await sleep(thinkMs);
        if (performance.now() >= until) break;
        const start = performance.now();
        const res = await fetch(`${base}/api/ai/chat`, {
          method: 'POST',
          headers: { ...headers, accept: stream ? 'text/event-stream' : 'application/json' },
          body: JSON.stringify({ message: QUESTIONS[(u + turn) % QUESTIONS.length], ...(conversationId ? { conversationId } : {}) }),
        });
        if (res.status !== 200 || !res.body) {
          failures++;
          await res.body?.cancel();
          continue;
        }
        let first = true;
        let text = '';
        for await (const chunk of res.body) {
          if (first) {
            firstByte.push(performance.now() - start);
            first = false;
          }
          text += Buffer.from(chunk).toString();
        }
        reply.push(performance.now() - start);
        const id = /"conversationId":"([0-9a-f-]{36})"/.exec(text)?.[1];
        if (id) conversationId = id;
      }
    }),
  );
  return { reply, firstByte, failures };
}

const bench: Benchmark = {
  description: 'AI assistant: 50 concurrent conversations (built-in), and the LLM path around a scripted endpoint',
  async run() {
    const seconds = durationSeconds(15);
    const rows: Array<Record<string, Cell>> = [];
    const builtin = await startApi({});
    const json = await converse(builtin.base, builtin.users, seconds, false, THINK_MS);
    const sse = await converse(builtin.base, builtin.users, seconds, true, THINK_MS);
    const saturated = await converse(builtin.base, builtin.users, seconds, false, 0);
    await builtin.close();

    const llm = await startScriptedServer();
    // Every turn: a tool call, then a text answer (two completion requests), answered at once.
    const refill = () => {
      while (llm.script.length < 4000) llm.script.push({ kind: 'chunks', chunks: toolCallChunks([{ name: 'get_prices', arguments: { symbols: ['BTCUSDT'] } }]) }, { kind: 'chunks', chunks: textChunks('Bitcoin is at 64,123.45 USDT.') });
    };
    refill();
    const timer = setInterval(refill, 200);
    const withLlm = await startApi({ LLM_BASE_URL: llm.baseUrl, LLM_MODEL: 'scripted' });
    const llmRun = await converse(withLlm.base, withLlm.users, seconds, true, THINK_MS);
    clearInterval(timer);
    await withLlm.close();
    await llm.close();

    const row = (path: string, r: { reply: number[]; firstByte: number[]; failures: number }) => ({
      path,
      replies: r.reply.length,
      'replies/s': Math.round(r.reply.length / seconds),
      failures: r.failures,
      'reply p50 ms': pct(r.reply, 50),
      'reply p99 ms': pct(r.reply, 99),
      'first byte p50 ms': pct(r.firstByte, 50),
      'first byte p99 ms': pct(r.firstByte, 99),
    });
    rows.push(
      row(`built-in, JSON, ${THINK_MS} ms think time`, json),
      row(`built-in, SSE, ${THINK_MS} ms think time`, sse),
      row('built-in, JSON, saturated (no think time)', saturated),
      row(`LLM (scripted endpoint), SSE, ${THINK_MS} ms think time`, llmRun),
    );
    const builtinP99 = pct(json.reply, 99);
    const firstByteP99 = pct(sse.firstByte, 99);
    return {
      title: `AI assistant, ${CONVERSATIONS} concurrent conversations, ${seconds} s per path`,
      rows,
      figures: { builtinReplyP99Ms: builtinP99, saturatedRepliesPerSecond: Math.round(saturated.reply.length / seconds), builtinFirstByteP99Ms: firstByteP99, llmReplyP99Ms: pct(llmRun.reply, 99), llmOverheadP50Ms: pct(llmRun.reply, 50) - pct(sse.reply, 50) },
      notes: [
        `target: built-in reply p99 ≤ ${REPLY_P99_MS} ms (${builtinP99 <= REPLY_P99_MS ? 'met' : 'missed'}), first SSE byte p99 ≤ ${FIRST_BYTE_P99_MS} ms (${firstByteP99 <= FIRST_BYTE_P99_MS ? 'met' : 'missed'})`,
        `targets are judged with ${THINK_MS} ms between a reply and the next question in each conversation; the saturated row keeps 50 requests in flight and shows the throughput ceiling (its latency is 50 ÷ replies/s)`,
        'the scripted endpoint answers at once, so the LLM row is our own cost of two streamed completions, the tool loop and grounding',
      ],
    };
  },
};

export default bench;
