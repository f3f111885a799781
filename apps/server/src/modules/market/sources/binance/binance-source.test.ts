import { Decimal } from 'decimal.js';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BTC_INFO } from '@cryptosim/trading-rules/testing';
import type { SourceKline, SourceTick } from '../../../../ports/market/market-source.js';
import { MarketSymbols } from '../../symbols/symbol-registry.js';
import { FakeBinanceServer } from '../testing/fake-binance-server.js';
import { marketDataFile } from '../testing/market-data-dir.js';
import { readCandleCsv, type CsvCandle } from '../replay/read-candle-csv.js';
import { BinanceSource } from './binance-source.js';

const btc = marketDataFile('1m-2026-03-24_2026-04-21/BTCUSDT-1m.csv');
const eth = marketDataFile('1m-2026-03-24_2026-04-21/ETHUSDT-1m.csv');
const b8 = (s: string) => new Decimal(s).toFixed(8);

async function until(what: string, cond: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe.skipIf(btc.skipReason || eth.skipReason)('binance source against a fake Binance serving real candles', () => {
  let server: FakeBinanceServer;
  let source: BinanceSource | undefined;
  const klines: SourceKline[] = [];
  const ticks: SourceTick[] = [];
  const closedBtc = () => klines.filter((k) => k.symbol === 'BTCUSDT' && k.closed);

  beforeAll(async () => {
    const rows = async (f: string): Promise<CsvCandle[]> => (await readCandleCsv(f)).slice(0, 5_000);
    server = await FakeBinanceServer.start({ BTCUSDT: await rows(btc.file), ETHUSDT: await rows(eth.file) });
  });
  afterAll(() => server?.close());
  afterEach(async () => {
    await source?.close();
    source = undefined;
    klines.length = 0;
    ticks.length = 0;
    server.refuse = false;
  });

  async function startSource(extra: Partial<ConstructorParameters<typeof BinanceSource>[0]> = {}): Promise<BinanceSource> {
    const before = server.connectionsOpened;
    source = new BinanceSource({
      symbols: new MarketSymbols(['BTCUSDT', 'ETHUSDT']),
      wsUrl: server.wsUrl,
      restUrl: server.restUrl,
      logger: pino({ level: 'silent' }),
      pingIntervalMs: 50,
      // Also the handshake limit: short ones abandon sockets on a loaded machine. The idle test sets its own.
      idleTimeoutMs: 5_000,
      reconnectBaseMs: 20,
      reconnectMaxMs: 100,
      ...extra,
    });
    await source.start({ onKline: (k) => klines.push(k), onTick: (t) => ticks.push(t) });
    await until('the stream to connect, on both ends', () => server.connectionsOpened > before && server.openSockets > 0 && source!.status().connected);
    return source;
  }

  it('when Binance sends kline and ticker frames, then the events carry its values verbatim', async () => {
    await startSource();
    const row = server.row('BTCUSDT');
    server.advance();
    await until('a closed BTC kline and a ticker', () => closedBtc().length === 1 && ticks.length >= 2);
    expect(closedBtc()[0]).toEqual({
      symbol: 'BTCUSDT', openTime: row.openTime, open: b8(row.open), high: b8(row.high), low: b8(row.low),
      close: b8(row.close), volume: b8(row.volume), closed: true, eventTime: row.openTime + 59_999,
    });
    const tick = ticks.find((t) => t.symbol === 'BTCUSDT')!;
    expect(tick.price, 'ticker price is the close of the minute in progress').toBe(b8(server.row('BTCUSDT').close));
    expect(source!.status().connected).toBe(true);
    expect(source!.status().lastEventAt).not.toBeNull();
  });

  it('when exchangeInfo answers, then the symbol filters are Binance’s, normalized from 8-decimal strings', async () => {
    const s = new BinanceSource({ symbols: new MarketSymbols(['BTCUSDT', 'ETHUSDT']), wsUrl: server.wsUrl, restUrl: server.restUrl, logger: pino({ level: 'silent' }) });
    await s.loadSymbols();
    expect(s.symbols.get('BTCUSDT')).toEqual(BTC_INFO);
    const asked = server.requests.filter((u) => u.pathname === '/api/v3/exchangeInfo').at(-1)!;
    expect(JSON.parse(asked.searchParams.get('symbols')!)).toEqual(['BTCUSDT', 'ETHUSDT']);
    await s.close();
  });

  it('when the server drops the socket and minutes pass, then it reconnects and the missed candles arrive via REST, none lost, none duplicated', async () => {
    await startSource();
    const first = server.cursor;
    for (let i = 0; i < 3; i++) server.advance();
    await until('three closed candles', () => closedBtc().length === 3);
    const opened = server.connectionsOpened;
    const restCalls = server.requests.length;
    // Seven minutes pass unseen; the new socket's first frames come with its handshake, the
    // hardest case: they must still be checked for the gap.
    server.onNextConnection = () => {
      for (let i = 0; i < 3; i++) server.advance();
    };
    server.dropConnections();
    server.skip(7);
    await until('a reconnect', () => server.connectionsOpened > opened && server.onNextConnection === undefined);
    const last = server.cursor - 1;
    const closedEth = () => klines.filter((k) => k.symbol === 'ETHUSDT' && k.closed);
    await until('every candle up to the last closed one', () =>
      [closedBtc(), closedEth()].every((c) => c.at(-1)?.openTime === server.row('BTCUSDT', last).openTime),
    );
    const expected = Array.from({ length: last - first + 1 }, (_, i) => server.row('BTCUSDT', first + i));
    expect(closedBtc().map((k) => k.openTime)).toEqual(expected.map((r) => r.openTime));
    expect(closedBtc().map((k) => k.close)).toEqual(expected.map((r) => b8(r.close)));
    expect(closedEth().map((k) => k.openTime)).toEqual(expected.map((r) => r.openTime));
    const gapRequests = server.requests.slice(restCalls).filter((u) => u.pathname === '/api/v3/klines');
    expect(gapRequests.map((u) => u.searchParams.get('symbol')).sort(), 'the gap came over REST, once per symbol').toEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('when garbage frames arrive, then they are skipped and the stream goes on', async () => {
    await startSource();
    const opened = server.connectionsOpened;
    server.sendRaw('not json at all');
    server.sendRaw('{"stream":"btcusdt@kline_1m","data":{"e":"kline","E":1,"s":"BTCUSDT"}}');
    server.sendRaw(server.klineFrame('BTCUSDT', server.cursor, true).replace(/"o":"[^"]*"/, '"o":12.5'));
    server.sendRaw('{"stream":"x","data":{"e":"depthUpdate"}}');
    server.sendRaw('[1,2,3]');
    server.advance();
    await until('the next valid candle', () => closedBtc().length === 1);
    expect(closedBtc()[0]!.open).toBe(b8(server.row('BTCUSDT', server.cursor - 1).open));
    expect(server.connectionsOpened, 'garbage must not cost a reconnect').toBe(opened);
    expect(source!.status().connected).toBe(true);
  });

  it('when the server pings, then the client answers with a pong', async () => {
    await startSource({ pingIntervalMs: 10_000, idleTimeoutMs: 20_000 });
    expect(await server.pingClients()).toBe(1);
  });

  it('when the socket goes silent without closing, then the idle timer drops it and a new one opens', async () => {
    await startSource({ idleTimeoutMs: 400 });
    const opened = server.connectionsOpened;
    server.freeze();
    await until('a new connection after the silent one', () => server.connectionsOpened > opened, 3_000);
    await until('connected again', () => source!.status().connected);
    server.advance();
    await until('events on the new socket', () => closedBtc().length === 1);
  });

  it('when the stream is refused, then it keeps retrying with backoff and reports disconnected meanwhile', async () => {
    await startSource();
    server.refuse = true;
    const opened = server.connectionsOpened;
    server.dropConnections();
    await until('disconnected', () => !source!.status().connected);
    expect((await source!.health()).ok).toBe(false);
    const refused = server.refusedUpgrades;
    await until('two more refused attempts (it keeps retrying)', () => server.refusedUpgrades >= refused + 2);
    expect(source!.status().connected, 'still disconnected while refused').toBe(false);
    server.refuse = false;
    await until('reconnected', () => source!.status().connected && server.connectionsOpened > opened);
    expect((await source!.health()).ok).toBe(true);
  });

  it('when the connection reaches its rotation age, then a new socket replaces it with no candle lost or repeated', async () => {
    await startSource({ rotateAfterMs: 150 });
    const first = server.cursor;
    const opened = server.connectionsOpened;
    // Candles keep coming while sockets are replaced: one per step, each step waiting for
    // the candle before it, and the middle steps each waiting for a further rotation.
    for (let i = 0; i < 6; i++) {
      const rotations = server.connectionsOpened;
      if (i >= 2 && i < 4) await until(`rotation before candle ${i + 1}`, () => server.connectionsOpened > rotations);
      server.advance();
      await until(`candle ${i + 1}`, () => closedBtc().length >= i + 1);
    }
    expect(server.connectionsOpened, 'rotated at least twice').toBeGreaterThanOrEqual(opened + 2);
    await until('the old socket closed after the switch (one open)', () => server.openSockets === 1);
    expect(closedBtc().map((k) => k.openTime)).toEqual(Array.from({ length: 6 }, (_, i) => server.row('BTCUSDT', first + i).openTime));
  });

  it('when history is requested over more than 1000 minutes, then REST pages return every closed candle verbatim', async () => {
    const s = new BinanceSource({ symbols: new MarketSymbols(['BTCUSDT']), wsUrl: server.wsUrl, restUrl: server.restUrl, logger: pino({ level: 'silent' }) });
    const rows = server.candles.BTCUSDT!;
    const before = server.requests.length;
    const got = await s.backfill('BTCUSDT', rows[10]!.openTime, rows[1210]!.openTime);
    expect(got).toHaveLength(1200);
    expect(got[0]).toMatchObject({ openTime: rows[10]!.openTime, open: b8(rows[10]!.open), volume: b8(rows[10]!.volume), closed: true });
    expect(got.at(-1)!.openTime).toBe(rows[1209]!.openTime);
    expect(server.requests.slice(before).filter((u) => u.pathname === '/api/v3/klines')).toHaveLength(2);
    await s.close();
  });
});
