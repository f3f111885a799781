/**
 * /ws/prices over real sockets, on the in-memory cache and on Redis: the subscribe protocol,
 * bad frames, the per-socket symbol cap, one cache subscription per symbol, and a client that
 * never reads (its backlog stays bounded, everyone else keeps receiving every update).
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SymbolInfo, TickEventV1 } from '@cryptosim/contracts';
import type { ModuleContext } from '../../../kernel/module.js';
import { registerWebSocket } from '../../../kernel/websocket.js';
import type { BusMessage } from '../../../ports/bus/bus-port.js';
import type { CachePort } from '../../../ports/cache/cache-port.js';
import { MemoryCache } from '../../../ports/cache/memory-cache.js';
import { RedisCache } from '../../../ports/cache/redis-cache.js';
import { deleteKeysWithPrefix } from '../../../ports/cache/delete-keys-with-prefix.js';
import { RUN_ID, service } from '../../../testing/services.js';
import { testLogger } from '../projector/testing/market-test-stack.js';
import { createTickProjector } from '../projector/project-ticks.js';
import { HIGH_WATER_BYTES } from './outbox.js';
import { pricesWebSocket } from './prices-ws.js';
import { TestClient } from './testing/test-client.js';

const redis = await service('redis');
/** 60 known symbols, so the 50-per-socket cap can be reached with valid ones. */
const SYMBOLS = ['BTCUSDT', 'ETHUSDT', ...Array.from({ length: 58 }, (_, i) => `S${i}USDT`)];
const registry = {
  get: (symbol: string): SymbolInfo | undefined =>
    SYMBOLS.includes(symbol)
      ? { symbol, baseAsset: symbol.replace('USDT', ''), quoteAsset: 'USDT', status: 'TRADING', tickSize: '0.01', stepSize: '0.001', minQty: '0.001', minNotional: '5' }
      : undefined,
  list: () => SYMBOLS.map((s) => registry.get(s)!),
};

function countingSubscriptions(cache: CachePort) {
  const subscribes = new Map<string, number>();
  const unsubscribes = new Map<string, number>();
  const proxy = new Proxy(cache, {
    get(target, prop) {
      if (prop === 'subscribe') {
        return async (channel: string, handler: (m: string, c: string) => void) => {
          subscribes.set(channel, (subscribes.get(channel) ?? 0) + 1);
          const unsubscribe = await target.subscribe(channel, handler);
          return async () => {
            unsubscribes.set(channel, (unsubscribes.get(channel) ?? 0) + 1);
            await unsubscribe();
          };
        };
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { cache: proxy, subscribes, unsubscribes };
}

function wsSuite(mode: string, makeCache: () => CachePort, cleanup: () => Promise<void> = async () => {}) {
  describe(`/ws/prices (${mode})`, () => {
    let app: FastifyInstance;
    let url: string;
    let counted: ReturnType<typeof countingSubscriptions>;
    let project: (messages: BusMessage[]) => Promise<void>;
    let offset = 0n;
    const seq = new Map<string, number>();

    /** Publishes ticks the production way: through the projector's handler. */
    async function ticks(symbol: string, n: number): Promise<void> {
      for (let done = 0; done < n; done += 500) {
        const batch: BusMessage[] = [];
        for (let i = done; i < Math.min(n, done + 500); i++) {
          const s = (seq.get(symbol) ?? 0) + 1;
          seq.set(symbol, s);
          const tick: TickEventV1 = { v: 1, source: 'simulator', symbol, price: `${s}`, open24h: '1', high24h: `${s}`, low24h: '1', volume24h: '1', eventTime: Date.now(), seq: s };
          batch.push({ topic: 'market.ticks', partition: 0, offset: offset++, timestamp: 0, key: symbol, value: JSON.stringify(tick) });
        }
        await project(batch);
      }
    }

    beforeAll(async () => {
      counted = countingSubscriptions(makeCache());
      project = createTickProjector(counted.cache, testLogger);
      app = Fastify();
      await registerWebSocket(app);
      const ctx = { ports: { cache: counted.cache }, logger: testLogger } as unknown as ModuleContext;
      await pricesWebSocket(app, ctx, registry);
      url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws') + '/ws/prices';
      await ticks('BTCUSDT', 1);
    });
    afterAll(async () => {
      await app?.close();
      await counted?.cache.close();
      await cleanup();
    });

    it('when a client subscribes, then it gets a snapshot per symbol, an ack, and then every ticker update in order', async () => {
      const client = await TestClient.connect(url);
      client.send({ op: 'subscribe', symbols: ['BTCUSDT', 'ETHUSDT'], channels: ['ticker'] });
      const btc = await client.next((f) => f.type === 'snapshot' && f.data.symbol === 'BTCUSDT');
      expect(btc.data.ticker, 'BTC was priced before the subscribe').toMatchObject({ symbol: 'BTCUSDT', price: String(seq.get('BTCUSDT')) });
      const eth = await client.next((f) => f.type === 'snapshot' && f.data.symbol === 'ETHUSDT');
      expect(eth.data, 'ETH has no price yet').toEqual({ symbol: 'ETHUSDT', ticker: null, kline: null });
      expect(await client.next((f) => f.type === 'subscribed')).toEqual({ type: 'subscribed', symbols: ['BTCUSDT', 'ETHUSDT'], channels: ['ticker'] });

      const from = seq.get('BTCUSDT')!;
      await ticks('BTCUSDT', 50);
      const prices = await client.collect((f) => f.type === 'ticker', 50);
      expect(prices.map((f) => Number(f.data.price))).toEqual(Array.from({ length: 50 }, (_, i) => from + i + 1));
      client.close();
    });

    it('when a client unsubscribes, then it is acknowledged and that symbol’s updates stop', async () => {
      const client = await TestClient.connect(url);
      client.send({ op: 'subscribe', symbols: ['BTCUSDT', 'ETHUSDT'] });
      await client.next((f) => f.type === 'subscribed');
      client.send({ op: 'unsubscribe', symbols: ['BTCUSDT'] });
      expect(await client.next((f) => f.type === 'unsubscribed')).toMatchObject({ symbols: ['ETHUSDT'] });
      client.frames.length = 0;
      await ticks('BTCUSDT', 5);
      await ticks('ETHUSDT', 1);
      await client.next((f) => f.type === 'ticker' && f.data.symbol === 'ETHUSDT');
      expect(client.frames.filter((f) => f.data?.symbol === 'BTCUSDT'), 'BTC frames after unsubscribing').toEqual([]);
      client.close();
    });

    it.each([
      ['text that is not JSON', '{"op":', 'VALIDATION_FAILED', /not valid JSON/],
      ['an unknown op', JSON.stringify({ op: 'buy' }), 'VALIDATION_FAILED', /op must be one of/],
      ['no symbols', JSON.stringify({ op: 'subscribe' }), 'VALIDATION_FAILED', /symbols/],
      ['an unknown channel', JSON.stringify({ op: 'subscribe', symbols: ['BTCUSDT'], channels: ['trades'] }), 'VALIDATION_FAILED', /channels/],
      ['an unknown symbol', JSON.stringify({ op: 'subscribe', symbols: ['NOPEUSDT'] }), 'UNKNOWN_SYMBOL', /NOPEUSDT/],
      ['more than 50 symbols at once', JSON.stringify({ op: 'subscribe', symbols: SYMBOLS.slice(0, 51) }), 'VALIDATION_FAILED', /50/],
    ])('when a client sends %s, then it gets an error frame and the socket stays usable', async (_what, raw, code, message) => {
      const client = await TestClient.connect(url);
      client.sendRaw(raw);
      const error = await client.next((f) => f.type === 'error');
      expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
      client.send({ op: 'ping' });
      expect(await client.next((f) => f.type === 'pong'), 'the socket still answers').toMatchObject({ time: expect.any(Number) });
      client.close();
    });

    it('when a client sends a binary frame, then it gets an error frame', async () => {
      const client = await TestClient.connect(url);
      client.sendRaw(Buffer.from([1, 2, 3]));
      expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'VALIDATION_FAILED', message: /JSON text/ });
      client.close();
    });

    it('when subscriptions would pass 50 symbols per socket, then the subscribe is refused whole and earlier ones stay', async () => {
      const client = await TestClient.connect(url);
      client.send({ op: 'subscribe', symbols: SYMBOLS.slice(0, 30), channels: ['ticker'] });
      await client.next((f) => f.type === 'subscribed');
      client.send({ op: 'subscribe', symbols: SYMBOLS.slice(30, 60), channels: ['ticker'] });
      expect(await client.next((f) => f.type === 'error')).toMatchObject({ code: 'VALIDATION_FAILED', message: /at most 50 symbols/ });
      client.send({ op: 'unsubscribe', symbols: ['BTCUSDT'], channels: ['ticker'] });
      const ack = await client.next((f) => f.type === 'unsubscribed');
      expect(ack.symbols, 'the first 30 minus BTC').toHaveLength(29);
      client.close();
    });

    it('when many sockets watch one symbol, then the process holds one cache subscription for it, released after the last leaves', async () => {
      const before = counted.subscribes.get('prices.S50USDT') ?? 0;
      const unsubscribesBefore = counted.unsubscribes.get('prices.S50USDT') ?? 0;
      const clients = await Promise.all(Array.from({ length: 20 }, () => TestClient.connect(url)));
      for (const c of clients) c.send({ op: 'subscribe', symbols: ['S50USDT'] });
      await Promise.all(clients.map((c) => c.next((f) => f.type === 'subscribed')));
      expect(counted.subscribes.get('prices.S50USDT')! - before, 'cache subscriptions for 20 sockets').toBe(1);
      await ticks('S50USDT', 1);
      await Promise.all(clients.map((c) => c.next((f) => f.type === 'ticker')));
      await Promise.all(clients.map((c) => c.closed()));
      await expect.poll(() => (counted.unsubscribes.get('prices.S50USDT') ?? 0) - unsubscribesBefore, { timeout: 5_000 }).toBe(1);
    });

    it('when a client never reads, then its backlog stays bounded, it ends with the latest price, and another client gets every update', async () => {
      const stalled = await TestClient.connect(url);
      const healthy = await TestClient.connect(url);
      for (const c of [stalled, healthy]) {
        c.send({ op: 'subscribe', symbols: ['ETHUSDT'], channels: ['ticker'] });
        await c.next((f) => f.type === 'subscribed');
      }
      stalled.pause();
      const from = seq.get('ETHUSDT') ?? 0;
      const total = 30_000;
      let maxBuffered = 0;
      // Bursts of 200, each sent once the reading client has the previous one: a reader that
      // keeps up (in this same process) whatever the machine's speed.
      const tickersSeen = () => healthy.frames.filter((f) => f.type === 'ticker').length;
      for (let sent = 0; sent < total; sent += 200) {
        await ticks('ETHUSDT', 200);
        for (const socket of app.websocketServer.clients) maxBuffered = Math.max(maxBuffered, socket.bufferedAmount);
        for (const deadline = Date.now() + 15_000; tickersSeen() < sent + 200 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 1));
      }
      const received = await healthy.collect((f) => f.type === 'ticker', total);
      expect(received.map((f) => Number(f.data.price)), 'the healthy client saw every tick in order').toEqual(
        Array.from({ length: total }, (_, i) => from + i + 1),
      );
      // The high-water mark plus at most one pending frame per key, never the whole backlog.
      expect(maxBuffered, 'bytes queued on the server for the stalled socket').toBeLessThan(HIGH_WATER_BYTES + 64 * 1024);
      stalled.resume();
      const last = String(from + total);
      await stalled.next((f) => f.type === 'ticker' && f.data.price === last, 15_000);
      const stalledTicks = stalled.frames.filter((f) => f.type === 'ticker').length;
      expect(stalledTicks, 'the stalled client got coalesced updates, not all of them').toBeLessThan(total);
      stalled.close();
      healthy.close();
    }, 120_000);
  });
}

wsSuite('memory cache', () => new MemoryCache(testLogger));

describe.skipIf(!redis.url)('on Redis', () => {
  const keyPrefix = `cs-test:${RUN_ID}:ws-prices:`;
  wsSuite('Redis cache', () => new RedisCache({ url: redis.url!, keyPrefix, logger: testLogger }), () => deleteKeysWithPrefix(redis.url!, keyPrefix).then(() => undefined));
});
