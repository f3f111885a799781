/**
 * Binance's official connector (`@binance/spot`) against cryptosim started as `npm start`
 * would start it, with only the base URLs changed: a whole bot session over REST and the user
 * data stream. The connector parses every reply (numbers beyond 2^53 as BigInt) into its
 * documented types; each field it reads here must be there, with that type.
 */
import { Spot, SpotRestAPI, type SpotWebsocketStreams } from '@binance/spot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthResponse, CreateApiKeyResponse } from '@cryptosim/contracts';
import { eventually } from '../../testing/eventually.js';
import { startServerProcess, type ServerProcess } from '../../testing/server-process.js';

const DECIMAL = /^\d+\.\d{8,}$/;
const isId = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v)) || typeof v === 'bigint';

async function post<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

describe('a bot on the official @binance/spot connector, against `npm start`', () => {
  let server: ServerProcess;
  let client: Spot;
  let apiKey: string;

  beforeAll(async () => {
    server = await startServerProcess({ MARKET_SOURCE: 'simulator', MARKET_SYMBOLS: 'BTCUSDT,ETHUSDT' }, 300_000);
    const user = await post<AuthResponse>(`${server.url}/api/auth/register`, { username: `bot_${process.pid}`, email: `bot_${process.pid}@example.com`, password: 'correct horse battery' });
    const key = await post<CreateApiKeyResponse>(`${server.url}/api/auth/api-keys`, { label: 'connector', permissions: ['read', 'trade'] }, { authorization: `Bearer ${user.accessToken}` });
    apiKey = key.apiKey.key;
    client = new Spot({
      // Retries would repeat an order; the connector's 1 s timeout is short for a loaded test machine.
      configurationRestAPI: { apiKey, apiSecret: key.secret!, basePath: `${server.url}/binance`, retries: 0, timeout: 15_000 },
      configurationWebsocketStreams: { wsURL: `${server.url.replace('http', 'ws')}/binance` },
    });
  }, 330_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('when the bot reads the market, trades, queries, cancels and listens, then every reply parses into the connector’s types', async () => {
    const rest = client.restAPI;

    const info = await (await rest.exchangeInfo({ symbol: 'BTCUSDT' })).data();
    const btc = info.symbols!.find((s) => s.symbol === 'BTCUSDT')!;
    expect(btc).toMatchObject({ status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT', isSpotTradingAllowed: true });
    const lot = btc.filters!.find((f) => f.filterType === 'LOT_SIZE') as { stepSize?: string } | undefined;
    expect(lot?.stepSize).toMatch(DECIMAL);
    expect(info.rateLimits!.map((r) => r.rateLimitType)).toContain('REQUEST_WEIGHT');

    // The simulator's first tick makes the price; until then the symbol has none.
    const ticker = await eventually('BTCUSDT has a price', async () => {
      try {
        return (await (await rest.tickerPrice({ symbol: 'BTCUSDT' })).data()) as SpotRestAPI.TickerPriceResponse1;
      } catch {
        return undefined;
      }
    }, 30_000);
    expect(ticker).toEqual({ symbol: 'BTCUSDT', price: expect.stringMatching(DECIMAL) });

    const klines = await (await rest.klines({ symbol: 'BTCUSDT', interval: SpotRestAPI.KlinesIntervalEnum.INTERVAL_1m, limit: 5 })).data();
    expect(Array.isArray(klines)).toBe(true);
    for (const k of klines) {
      expect(k).toHaveLength(12);
      expect(isId(k[0]) && isId(k[6])).toBe(true);
      expect(k[4]).toMatch(DECIMAL);
    }

    const account = await (await rest.getAccount()).data();
    expect(account.balances!.find((b) => b.asset === 'USDT')).toEqual({ asset: 'USDT', free: expect.stringMatching(DECIMAL), locked: '0.00000000' });
    expect(account.canTrade).toBe(true);

    // The user data stream: the connector has no listen-key REST call (Binance moved it to the
    // WebSocket API), so the bot makes one the REST way and hands it to the stream client.
    const made = await fetch(`${server.url}/binance/api/v3/userDataStream`, { method: 'POST', headers: { 'x-mbx-apikey': apiKey } });
    expect(made.status).toBe(200);
    const { listenKey } = (await made.json()) as { listenKey: string };
    const streams = await client.websocketStreams!.connect();
    const events: SpotWebsocketStreams.UserDataStreamEventsResponse[] = [];
    try {
      const replies: string[] = [];
      streams.on('message', (data: string) => void replies.push(data));
      const userData = streams.userData(listenKey, 'a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7');
      userData.on('message', (event: SpotWebsocketStreams.UserDataStreamEventsResponse) => void events.push(event));
      // The server's reply to the connector's SUBSCRIBE: from here on the account's events flow.
      await eventually('the server acknowledges the subscription', () => replies.some((r) => JSON.stringify(JSON.parse(r)) === '{"result":null,"id":"a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7a7"}'), 10_000);

      const bought = await (
        await rest.newOrder({
          symbol: 'BTCUSDT',
          side: SpotRestAPI.NewOrderSideEnum.BUY,
          type: SpotRestAPI.NewOrderTypeEnum.MARKET,
          quoteOrderQty: 500,
          newOrderRespType: SpotRestAPI.NewOrderNewOrderRespTypeEnum.FULL,
        })
      ).data();
      expect(bought).toMatchObject({ symbol: 'BTCUSDT', status: 'FILLED', side: 'BUY', type: 'MARKET', executedQty: expect.stringMatching(DECIMAL) });
      expect(isId(bought.orderId)).toBe(true);
      expect(bought.fills![0]).toEqual({ price: expect.stringMatching(DECIMAL), qty: expect.stringMatching(DECIMAL), commission: expect.any(String), commissionAsset: 'USDT', tradeId: expect.anything() });

      const reports = () => events.flatMap((e) => (e.e === 'executionReport' ? [e] : []));
      const trade = await eventually('an executionReport of the fill arrives', () => reports().find((e) => e.x === 'TRADE'), 10_000);
      expect(trade).toMatchObject({ s: 'BTCUSDT', S: 'BUY', o: 'MARKET', X: 'FILLED', l: bought.fills![0]!.qty, L: bought.fills![0]!.price, N: 'USDT' });
      expect(isId(trade.i) && isId(trade.t) && isId(trade.E) && isId(trade.T) && isId(trade.I)).toBe(true);
      expect(BigInt(trade.i!)).toBe(BigInt(bought.orderId!));
      await eventually('an outboundAccountPosition arrives', () => events.some((e) => e.e === 'outboundAccountPosition' && e.B!.some((b) => b.a === 'BTC')));

      const held = bought.executedQty!;
      const sellPrice = (Math.round(Number(ticker.price) * 1.5 * 100) / 100).toFixed(2);
      const resting = await (
        await rest.newOrder({
          symbol: 'BTCUSDT',
          side: SpotRestAPI.NewOrderSideEnum.SELL,
          type: SpotRestAPI.NewOrderTypeEnum.LIMIT,
          timeInForce: SpotRestAPI.NewOrderTimeInForceEnum.GTC,
          quantity: Number(held),
          price: Number(sellPrice),
        })
      ).data();
      expect(resting).toMatchObject({ status: 'NEW', type: 'LIMIT', side: 'SELL', origQty: held });

      const queried = await (await rest.getOrder({ symbol: 'BTCUSDT', orderId: Number(resting.orderId) })).data();
      expect(queried).toMatchObject({ status: 'NEW', price: expect.stringMatching(DECIMAL), origQty: held, executedQty: '0.00000000', isWorking: true });

      const open = await (await rest.getOpenOrders({ symbol: 'BTCUSDT' })).data();
      expect(open.map((o) => BigInt(o.orderId!))).toEqual([BigInt(resting.orderId!)]);

      const canceled = await (await rest.deleteOrder({ symbol: 'BTCUSDT', orderId: Number(resting.orderId) })).data();
      expect(canceled).toMatchObject({ status: 'CANCELED', origQty: held });
      expect(await (await rest.getOpenOrders({ symbol: 'BTCUSDT' })).data()).toEqual([]);
      await eventually('the cancel is reported on the stream', () => reports().some((e) => e.x === 'CANCELED' && BigInt(e.i!) === BigInt(resting.orderId!)));

      const trades = await (await rest.myTrades({ symbol: 'BTCUSDT' })).data();
      expect(trades).toHaveLength(1);
      expect(trades[0]).toMatchObject({ symbol: 'BTCUSDT', price: bought.fills![0]!.price, qty: held, commissionAsset: 'USDT', isBuyer: true, isMaker: false });
      expect(BigInt(trades[0]!.orderId!)).toBe(BigInt(bought.orderId!));
    } finally {
      await streams.disconnect();
    }
  });
});
