/**
 * Test support: a fake Binance (combined WebSocket stream + REST on one free port) that
 * replays real candles in Binance's exact JSON. The test drives time: `advance()` closes the
 * current minute on every open socket; `skip()` lets minutes pass unseen (an outage).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Decimal } from 'decimal.js';
import { WebSocketServer, type WebSocket } from 'ws';
import { snapshotSymbolInfo } from '../../symbols/symbol-registry.js';
import type { CsvCandle } from '../replay/read-candle-csv.js';

const MINUTE = 60_000;
/** Binance prints every price and quantity with 8 decimals. */
const b = (s: string) => new Decimal(s).toFixed(8);

export class FakeBinanceServer {
  /** Index (in every symbol's rows) of the minute in progress. */
  cursor: number;
  readonly requests: URL[] = [];
  connectionsOpened = 0;
  /** Upgrades answered 503 while `refuse` was set. */
  refusedUpgrades = 0;
  /**
   * Runs once for the next socket, right after its upgrade is answered: frames sent here
   * reach the client together with the handshake, before it has done anything else.
   */
  onNextConnection: (() => void) | undefined;
  refuse = false;
  #frozen = new Set<WebSocket>();
  #http: http.Server;
  #wss: WebSocketServer;
  #port = 0;

  private constructor(
    readonly candles: Record<string, CsvCandle[]>,
    start: number,
  ) {
    this.cursor = start;
    this.#http = http.createServer((req, res) => this.#rest(req, res));
    // autoPong off: we answer pings ourselves, so a frozen socket can go silent.
    this.#wss = new WebSocketServer({ noServer: true, autoPong: false });
    this.#http.on('upgrade', (req, socket, head) => {
      if (this.refuse || !req.url?.startsWith('/stream?streams=')) {
        this.refusedUpgrades += 1;
        socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
        return;
      }
      this.#wss.handleUpgrade(req, socket, head, (ws) => {
        this.connectionsOpened += 1;
        ws.on('ping', (data) => !this.#frozen.has(ws) && ws.pong(data));
        this.#wss.emit('connection', ws, req);
        const hook = this.onNextConnection;
        this.onNextConnection = undefined;
        hook?.();
      });
    });
  }

  static async start(candles: Record<string, CsvCandle[]>, start = 1440): Promise<FakeBinanceServer> {
    const server = new FakeBinanceServer(candles, start);
    await new Promise<void>((resolve) => server.#http.listen(0, '127.0.0.1', resolve));
    server.#port = (server.#http.address() as AddressInfo).port;
    return server;
  }

  get restUrl(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.#port}`;
  }

  get openSockets(): number {
    return this.#wss.clients.size;
  }

  row(symbol: string, index = this.cursor): CsvCandle {
    return this.candles[symbol]![index]!;
  }

  /** Closes the current minute (x:true), opens the next (x:false) and sends a ticker per symbol. */
  advance(): void {
    for (const symbol of Object.keys(this.candles)) this.#broadcast(this.klineFrame(symbol, this.cursor, true));
    this.cursor += 1;
    for (const symbol of Object.keys(this.candles)) {
      this.#broadcast(this.klineFrame(symbol, this.cursor, false));
      this.#broadcast(this.tickerFrame(symbol));
    }
  }

  /** Minutes pass while nobody is told (the client is disconnected). */
  skip(minutes: number): void {
    this.cursor += minutes;
  }

  dropConnections(): void {
    for (const ws of this.#wss.clients) ws.terminate();
  }

  /** The sockets stay open but go silent and stop answering pings (a half-open connection). */
  freeze(): void {
    for (const ws of this.#wss.clients) this.#frozen.add(ws);
  }

  sendRaw(text: string): void {
    this.#broadcast(text);
  }

  /** Pings every client; resolves with how many answered with a pong within `ms`. */
  async pingClients(ms = 1_000): Promise<number> {
    const answers = [...this.#wss.clients].map(
      (ws) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), ms);
          ws.once('pong', () => (clearTimeout(timer), resolve(true)));
          ws.ping();
        }),
    );
    return (await Promise.all(answers)).filter(Boolean).length;
  }

  klineFrame(symbol: string, index: number, closed: boolean): string {
    const c = this.row(symbol, index);
    const k = {
      t: c.openTime, T: c.openTime + MINUTE - 1, s: symbol, i: '1m', f: index * 100, L: index * 100 + 99,
      o: b(c.open), c: b(c.close), h: b(c.high), l: b(c.low), v: b(c.volume), n: 100, x: closed,
      q: b(new Decimal(c.volume).mul(c.close).toFixed(8)), V: b('0'), Q: b('0'), B: '0',
    };
    const data = { e: 'kline', E: c.openTime + (closed ? MINUTE - 1 : MINUTE / 2), s: symbol, k };
    return JSON.stringify({ stream: `${symbol.toLowerCase()}@kline_1m`, data });
  }

  tickerFrame(symbol: string): string {
    const rows = this.candles[symbol]!.slice(Math.max(0, this.cursor - 1439), this.cursor + 1);
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const high = Decimal.max(...rows.map((r) => r.high));
    const low = Decimal.min(...rows.map((r) => r.low));
    const volume = rows.reduce((s, r) => s.plus(r.volume), new Decimal(0));
    const change = new Decimal(last.close).minus(first.open);
    const data = {
      e: '24hrTicker', E: last.openTime + MINUTE / 2, s: symbol, p: change.toFixed(8),
      P: change.div(first.open).mul(100).toFixed(3), w: b(last.close), x: b(first.open), c: b(last.close), Q: b('0.001'),
      b: b(last.close), B: b('1'), a: b(last.close), A: b('1'), o: b(first.open), h: high.toFixed(8), l: low.toFixed(8),
      v: volume.toFixed(8), q: volume.mul(last.close).toFixed(8), O: first.openTime, C: last.openTime + MINUTE / 2,
      F: 1, L: 100, n: 100,
    };
    return JSON.stringify({ stream: `${symbol.toLowerCase()}@ticker`, data });
  }

  /** The book Binance's /api/v3/depth answers: levels a cent apart around the current close, best first. */
  depthBook(symbol: string, limit: number): { lastUpdateId: number; bids: [string, string][]; asks: [string, string][] } {
    const mid = new Decimal(this.row(symbol).close);
    const level = (i: number, sign: 1 | -1): [string, string] => [
      b(mid.plus(new Decimal('0.01').mul(sign * (i + 1))).toFixed(8)),
      b(new Decimal(i + 1).div(4).toFixed(8)),
    ];
    const n = Math.min(limit, 5000);
    return {
      lastUpdateId: this.cursor * 1000,
      bids: Array.from({ length: n }, (_, i) => level(i, -1)),
      asks: Array.from({ length: n }, (_, i) => level(i, 1)),
    };
  }

  /** What Binance's /api/v3/trades answers: `limit` prints at the current close a cent apart, oldest first, alternating sides. */
  recentTrades(symbol: string, limit: number): Array<{ id: number; price: string; qty: string; quoteQty: string; time: number; isBuyerMaker: boolean; isBestMatch: boolean }> {
    const row = this.row(symbol);
    const n = Math.min(limit, 1000);
    return Array.from({ length: n }, (_, i) => {
      const price = new Decimal(row.close).minus(new Decimal('0.01').mul(n - 1 - i));
      const qty = new Decimal(i + 1).div(1000);
      return { id: this.cursor * 1000 + i + 1, price: b(price.toFixed(8)), qty: b(qty.toFixed(8)), quoteQty: price.mul(qty).toFixed(8), time: row.openTime + i, isBuyerMaker: i % 2 === 1, isBestMatch: true };
    });
  }

  /** One print on the `<symbol>@trade` stream of every open socket, in Binance's combined-stream JSON. */
  sendTrade(symbol: string, trade: { id: number; price: string; qty: string; time: number; buyerMaker: boolean }): void {
    const data = { e: 'trade', E: trade.time + 1, s: symbol, t: trade.id, p: b(trade.price), q: b(trade.qty), T: trade.time, m: trade.buyerMaker, M: true };
    this.#broadcast(JSON.stringify({ stream: `${symbol.toLowerCase()}@trade`, data }));
  }

  #broadcast(text: string): void {
    for (const ws of this.#wss.clients) if (!this.#frozen.has(ws)) ws.send(text);
  }

  #rest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.restUrl);
    this.requests.push(url);
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/api/v3/klines') {
      const rows = this.candles[url.searchParams.get('symbol') ?? ''];
      if (!rows) return json(400, { code: -1121, msg: 'Invalid symbol.' });
      const start = Number(url.searchParams.get('startTime') ?? 0);
      const end = Number(url.searchParams.get('endTime') ?? Number.MAX_SAFE_INTEGER);
      const limit = Math.min(1000, Number(url.searchParams.get('limit') ?? 500));
      const page = rows
        .slice(0, this.cursor + 1)
        .filter((c) => c.openTime >= start && c.openTime <= end)
        .slice(0, limit)
        .map((c) => [c.openTime, b(c.open), b(c.high), b(c.low), b(c.close), b(c.volume), c.openTime + MINUTE - 1, '0', 100, '0', '0', '0']);
      return json(200, page);
    }
    if (url.pathname === '/api/v3/depth') {
      const rows = this.candles[url.searchParams.get('symbol') ?? ''];
      if (!rows) return json(400, { code: -1121, msg: 'Invalid symbol.' });
      return json(200, this.depthBook(url.searchParams.get('symbol')!, Number(url.searchParams.get('limit') ?? 100)));
    }
    if (url.pathname === '/api/v3/trades') {
      const rows = this.candles[url.searchParams.get('symbol') ?? ''];
      if (!rows) return json(400, { code: -1121, msg: 'Invalid symbol.' });
      return json(200, this.recentTrades(url.searchParams.get('symbol')!, Number(url.searchParams.get('limit') ?? 500)));
    }
    if (url.pathname === '/api/v3/exchangeInfo') {
      const wanted = JSON.parse(url.searchParams.get('symbols') ?? '[]') as string[];
      const infos = wanted.map(snapshotSymbolInfo);
      if (infos.some((i) => !i)) return json(400, { code: -1121, msg: 'Invalid symbol.' });
      const symbols = infos.map((i) => ({
        symbol: i!.symbol, status: 'TRADING', baseAsset: i!.baseAsset, quoteAsset: i!.quoteAsset,
        filters: [
          { filterType: 'PRICE_FILTER', minPrice: b(i!.tickSize), maxPrice: b('1000000'), tickSize: b(i!.tickSize) },
          { filterType: 'LOT_SIZE', minQty: b(i!.minQty), maxQty: b('9000'), stepSize: b(i!.stepSize) },
          { filterType: 'NOTIONAL', minNotional: b(i!.minNotional), applyMinToMarket: true, maxNotional: b('9000000'), applyMaxToMarket: false, avgPriceMins: 5 },
        ],
      }));
      return json(200, { timezone: 'UTC', serverTime: this.row(Object.keys(this.candles)[0]!).openTime, symbols });
    }
    json(404, { code: -1, msg: 'not found' });
  }

  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    this.#wss.close();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }
}
