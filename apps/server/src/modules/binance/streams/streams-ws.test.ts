/**
 * Binance market streams on a listening server: raw and combined sockets, the live-subscription
 * methods, and payloads with Binance's field letters, fed from the market's price channel the
 * way the projector publishes it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSocket, silentFor, type TestSocket } from '../../accounts/testing/socket-client.js';
import { priceChannel } from '../../market/index.js';
import { startBinanceApp, type BinanceTestApp } from '../testing/binance-test-app.js';

let t: BinanceTestApp;
let base: string;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  t = await startBinanceApp({ BTCUSDT: '50000', ETHUSDT: '2000' });
  const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = address.replace('http', 'ws');
}, 180_000);
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await t?.close();
});

async function connect(path: string): Promise<TestSocket> {
  const socket = await openSocket(`${base}${path}`);
  sockets.push(socket);
  // A reply to a request means the streams named in the URL are live (requests queue behind them).
  socket.send({ method: 'LIST_SUBSCRIPTIONS', id: 999 });
  expect(await socket.next()).toMatchObject({ id: 999 });
  return socket;
}

const ticker = (symbol: string, price: string) => ({
  type: 'ticker',
  data: { symbol, price, open24h: '49000', high24h: '51000', low24h: '48000', volume24h: '1000', changePercent24h: '2.04', updatedAt: Date.now(), stale: false },
});
const kline = (symbol: string, openTime: number, close: string, closed = false) => ({
  type: 'kline',
  data: { symbol, interval: '1m', openTime, open: '100', high: close, low: '99', close, volume: '3', closed },
});
const publish = (symbol: string, frame: unknown) => t.ports.cache.publish(priceChannel(symbol), JSON.stringify(frame));

describe('raw and combined streams', () => {
  it('when a bot opens /ws/<symbol>@ticker, then each price update arrives as a 24hrTicker payload', async () => {
    const socket = await connect('/binance/ws/btcusdt@ticker');
    await publish('BTCUSDT', ticker('BTCUSDT', '50500'));
    const payload = await socket.next();
    expect(payload).toMatchObject({ e: '24hrTicker', s: 'BTCUSDT', c: '50500.00000000', o: '49000.00000000', h: '51000.00000000', l: '48000.00000000', v: '1000.00000000', P: '2.040', p: '1500.00000000', n: 0 });
    for (const key of ['E', 'w', 'x', 'Q', 'b', 'B', 'a', 'A', 'q', 'O', 'C', 'F', 'L']) expect(payload, `field ${key}`).toHaveProperty(key);
  });

  it('when a bot opens /stream?streams=a/b, then payloads come wrapped as {stream, data}', async () => {
    const socket = await connect('/binance/stream?streams=btcusdt@miniTicker/btcusdt@kline_1m');
    await publish('BTCUSDT', ticker('BTCUSDT', '50600'));
    expect(await socket.next()).toMatchObject({ stream: 'btcusdt@miniTicker', data: { e: '24hrMiniTicker', s: 'BTCUSDT', c: '50600.00000000' } });
    const openTime = Date.UTC(2026, 0, 5, 10, 3);
    await publish('BTCUSDT', kline('BTCUSDT', openTime, '101', true));
    expect(await socket.next()).toMatchObject({
      stream: 'btcusdt@kline_1m',
      data: { e: 'kline', s: 'BTCUSDT', k: { t: openTime, T: openTime + 59_999, s: 'BTCUSDT', i: '1m', o: '100.00000000', c: '101.00000000', h: '101.00000000', l: '99.00000000', v: '3.00000000', x: true, n: 0 } },
    });
  });

  it('when the URL names a stream we do not serve, then the socket gets an error and is closed', async () => {
    const socket = await openSocket(`${base}/binance/ws/btcusdt@aggTrade`);
    sockets.push(socket);
    expect(await socket.next()).toMatchObject({ code: 2 });
    expect((await socket.closed).code).toBe(1008);
  });
});

describe('live subscriptions', () => {
  it('when a bot subscribes, lists and unsubscribes, then each reply is {result, id} and updates follow the subscriptions', async () => {
    const socket = await connect('/binance/ws');
    socket.send({ method: 'SUBSCRIBE', params: ['ethusdt@bookTicker', 'ethusdt@kline_5m'], id: 1 });
    expect(await socket.next()).toEqual({ result: null, id: 1 });
    socket.send({ method: 'LIST_SUBSCRIPTIONS', id: 2 });
    expect(await socket.next()).toEqual({ result: ['ethusdt@bookTicker', 'ethusdt@kline_5m'], id: 2 });

    await publish('ETHUSDT', ticker('ETHUSDT', '2010'));
    const book = await socket.next();
    expect(book).toMatchObject({ s: 'ETHUSDT', b: expect.stringMatching(/^\d+\.\d{8,}$/), a: expect.stringMatching(/^\d+\.\d{8,}$/) });
    expect(Number(book.b)).toBeLessThanOrEqual(2010);
    expect(Number(book.a)).toBeGreaterThanOrEqual(2010);

    // A 5m candle is its bucket's closed minutes (stored) merged with the minute now forming.
    const bucket = Date.UTC(2026, 0, 6, 12, 5);
    await t.ports.db.db.execute(sql`insert into candles (symbol, interval, open_time, open, high, low, close, volume) values ('ETHUSDT', '1m', ${bucket}, '95', '120', '90', '100', '2')`);
    await publish('ETHUSDT', kline('ETHUSDT', bucket + 60_000, '105'));
    expect(await socket.next()).toMatchObject({ e: 'kline', k: { t: bucket, T: bucket + 300_000 - 1, i: '5m', o: '95.00000000', h: '120.00000000', l: '90.00000000', c: '105.00000000', v: '5.00000000', x: false } });
    await publish('ETHUSDT', kline('ETHUSDT', bucket + 4 * 60_000, '107', true));
    expect(await socket.next(), 'the bucket’s last minute closing closes the 5m candle').toMatchObject({ k: { t: bucket, c: '107.00000000', x: true } });

    socket.send({ method: 'UNSUBSCRIBE', params: ['ethusdt@bookTicker', 'ethusdt@kline_5m'], id: 'u3' });
    expect(await socket.next()).toEqual({ result: null, id: 'u3' });
    await publish('ETHUSDT', ticker('ETHUSDT', '2020'));
    expect(await silentFor(socket, 300), 'no updates after unsubscribing').toBe(true);
  });

  it('when a request is malformed, then the reply is Binance’s error and the socket stays open', async () => {
    const socket = await connect('/binance/ws');
    socket.send('{not json');
    expect(await socket.next()).toMatchObject({ code: 3, id: null });
    socket.send({ method: 'PUBLISH', id: 4 });
    expect(await socket.next()).toMatchObject({ code: 2, id: 4 });
    socket.send({ method: 'SUBSCRIBE', params: ['nopeusdt@ticker'], id: 5 });
    expect(await socket.next()).toMatchObject({ code: 2, id: 5 });
    socket.send({ method: 'SET_PROPERTY', params: ['combined', true], id: 6 });
    expect(await socket.next()).toEqual({ result: null, id: 6 });
    socket.send({ method: 'GET_PROPERTY', params: ['combined'], id: 7 });
    expect(await socket.next()).toEqual({ result: true, id: 7 });
  });
});
