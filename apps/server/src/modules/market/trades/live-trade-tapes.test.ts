/**
 * The live tape against a fake Binance (its real combined-stream JSON over a real socket): the
 * first request opens the stream and is answered from REST; once seeded, each print on the
 * stream is on the tape at once; after a drop the tape is reseeded and goes live again; an idle
 * symbol's stream is closed; frames of another stream or malformed ones are never used.
 */
import type { MarketTrade } from '@cryptosim/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testLogger } from '../projector/testing/market-test-stack.js';
import { FakeBinanceServer } from '../sources/testing/fake-binance-server.js';
import { LiveTradeTapes, mergeTape, TAPE_LENGTH } from './live-trade-tapes.js';
import { parseTradeEvent } from './parse-trade-event.js';

const candle = { openTime: 1_776_000_000_000, open: '64000', high: '64010', low: '63990', close: '64000.5', volume: '3' };
/** Sockets open and reconnect in real time; a loaded CI machine may take seconds. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 15_000, interval: 20 });
const print = (id: number, price = '64001.25'): MarketTrade => ({ id, price, quantity: '0.002', time: candle.openTime + id, buyerMaker: id % 2 === 0 });

describe('live trade tapes from the @trade stream', () => {
  let fake: FakeBinanceServer;
  let tapes: LiveTradeTapes | undefined;
  let seeds: string[];
  let now = 0;

  beforeAll(async () => {
    fake = await FakeBinanceServer.start({ BTCUSDT: [candle], ETHUSDT: [{ ...candle, close: '3100.25' }] }, 0);
  });
  afterAll(async () => {
    await fake?.close();
  });
  afterEach(() => tapes?.close());

  function start(seed: (symbol: string) => Promise<MarketTrade[]> = async () => [print(5), print(4), print(3)]) {
    seeds = [];
    now = 1_000;
    tapes = new LiveTradeTapes({
      wsUrl: fake.wsUrl,
      seed: (symbol) => {
        seeds.push(symbol);
        return seed(symbol);
      },
      logger: testLogger,
      idleCloseMs: 5_000,
      reconnectBaseMs: 20,
      reconnectMaxMs: 50,
      now: () => now,
    });
    return tapes;
  }

  it('when a symbol is first asked for, then REST serves it; once the stream is up, each print is on the tape at once, newest first', async () => {
    const t = start();
    expect(t.recent('BTCUSDT', 10), 'the first request opens the stream and is served from REST').toBeUndefined();
    await until(() => expect(t.isLive('BTCUSDT')).toBe(true));
    expect(t.recent('BTCUSDT', 10)!.trades.map((p) => p.id)).toEqual([5, 4, 3]);

    fake.sendTrade('BTCUSDT', { id: 6, price: '64002.5', qty: '0.0015', time: candle.openTime + 6, buyerMaker: false });
    fake.sendTrade('ETHUSDT', { id: 7, price: '3101', qty: '1', time: candle.openTime + 7, buyerMaker: true });
    await until(() => expect(t.recent('BTCUSDT', 10)!.trades[0]).toEqual({ id: 6, price: '64002.5', quantity: '0.0015', time: candle.openTime + 6, buyerMaker: false }));
    expect(t.recent('BTCUSDT', 2)!.trades.map((p) => p.id), "another symbol's print is not on this tape").toEqual([6, 5]);
    expect(seeds).toEqual(['BTCUSDT']);
  });

  it('when the stream drops, then REST serves until it is back, and the tape is reseeded to cover the gap', async () => {
    let seedIds = [2, 1];
    const t = start(async () => seedIds.map((id) => print(id)));
    t.recent('BTCUSDT', 10);
    await until(() => expect(t.isLive('BTCUSDT')).toBe(true));

    seedIds = [9, 8, 2];
    fake.dropConnections();
    await until(() => expect(seeds.length, 'reseeded after the reconnect').toBe(2));
    await until(() => expect(t.isLive('BTCUSDT')).toBe(true));
    expect(t.recent('BTCUSDT', 10)!.trades.map((p) => p.id)).toEqual([9, 8, 2, 1]);
  });

  it('when nobody asks for a symbol for the idle time, then its stream is closed; the next request opens it again', async () => {
    const t = start();
    t.recent('ETHUSDT', 5);
    await until(() => expect(t.isLive('ETHUSDT')).toBe(true));
    const open = fake.openSockets;
    now += 6_000;
    await until(() => expect(fake.openSockets).toBe(open - 1));
    expect(t.isLive('ETHUSDT')).toBe(false);
    expect(t.recent('ETHUSDT', 5)).toBeUndefined();
    await until(() => expect(t.isLive('ETHUSDT')).toBe(true));
  });

  it('when the seed fails, then the tape stays off (REST answers) and the stream is retried', async () => {
    let fail = true;
    const t = start(async () => {
      if (fail) throw new Error('REST down');
      return [print(1)];
    });
    expect(t.recent('BTCUSDT', 5)).toBeUndefined();
    await until(() => expect(seeds.length).toBeGreaterThanOrEqual(2));
    expect(t.isLive('BTCUSDT')).toBe(false);
    fail = false;
    await until(() => expect(t.isLive('BTCUSDT')).toBe(true));
    expect(t.recent('BTCUSDT', 5)!.trades.map((p) => p.id)).toEqual([1]);
  });

  it('when frames are of another stream, another symbol or malformed, then none is read as a print', () => {
    const data = { e: 'trade', E: 2, s: 'BTCUSDT', t: 1, p: '1.50000000', q: '2.00000000', T: 1, m: true, M: true };
    expect(parseTradeEvent(JSON.stringify({ stream: 'btcusdt@trade', data }), 'BTCUSDT')).toEqual({ id: 1, price: '1.5', quantity: '2', time: 1, buyerMaker: true });
    for (const frame of [
      JSON.stringify({ stream: 'btcusdt@kline_1m', data }),
      JSON.stringify({ stream: 'ethusdt@trade', data: { ...data, s: 'ETHUSDT' } }),
      JSON.stringify({ stream: 'btcusdt@trade', data: { ...data, p: '1e5' } }),
      JSON.stringify({ stream: 'btcusdt@trade', data: { ...data, t: 'x' } }),
      JSON.stringify({ stream: 'btcusdt@trade', data: { ...data, m: 'yes' } }),
      '{not json',
      'null',
    ]) {
      expect(parseTradeEvent(frame, 'BTCUSDT'), frame).toBeUndefined();
    }
  });

  it('when tapes merge, then ids are unique, newest first, and at most the tape length', () => {
    const many = Array.from({ length: TAPE_LENGTH + 20 }, (_, i) => print(i + 1));
    const merged = mergeTape([print(3), print(2)], many);
    expect(merged).toHaveLength(TAPE_LENGTH);
    expect(merged[0]!.id).toBe(TAPE_LENGTH + 20);
    expect(new Set(merged.map((p) => p.id)).size).toBe(TAPE_LENGTH);
  });
});
