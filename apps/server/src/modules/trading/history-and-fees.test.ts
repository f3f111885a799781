/**
 * The history's side filter (with paging and the CSV export) and GET /api/trading/fees, through
 * buildApp + inject on in-memory PGlite. The app runs with non-default fee rates so the fees
 * endpoint is shown to report the configured rates, the very ones fills are charged, and the
 * configured slippage cap, the very one a resting stop buy reserves for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeeRatesResponse, TradeHistoryResponse, Transaction } from '@cryptosim/contracts';
import { dec } from '@cryptosim/trading-rules';
import { expectProblem } from '../accounts/testing/clients.js';
import { startTestApp, type TestApp } from '../../testing/test-app.js';
import { newTrader, order, placed, portfolioOf, type Trader, TRADING_MODULES } from './testing/trading-clients.js';

let t: TestApp;
let me: Trader;
const sides: Record<number, Transaction['type']> = {};

beforeAll(async () => {
  t = await startTestApp({ modules: TRADING_MODULES, prices: { BTCUSDT: '50000', ETHUSDT: '2000' }, env: { TRADING_MAKER_FEE_RATE: '0.0002', TRADING_TAKER_FEE_RATE: '0.00075', SLIPPAGE_CAP: '0.04' } });
  me = await newTrader(t.app);
  // Interleaved sides and symbols, so a page of one side must skip rows of the other.
  for (const [side, symbol] of [['buy', 'BTCUSDT'], ['buy', 'ETHUSDT'], ['sell', 'BTCUSDT'], ['buy', 'BTCUSDT'], ['sell', 'ETHUSDT'], ['buy', 'ETHUSDT'], ['sell', 'BTCUSDT']] as const) {
    const { fills } = await placed(await order(t.app, me, side, { symbol, quantity: symbol === 'BTCUSDT' ? '0.001' : '0.01' }));
    for (const f of fills) sides[f.id] = f.type;
  }
}, 60_000);

afterAll(async () => {
  await t?.close();
});

async function allPages(query: string, limit: number): Promise<Transaction[]> {
  const seen: Transaction[] = [];
  let cursor: string | null = null;
  do {
    const url: string = `/api/trading/history?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const res = await t.app.inject({ url, headers: me.headers });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as TradeHistoryResponse;
    if (body.nextCursor) expect(body.transactions, 'a page before the last is full').toHaveLength(limit);
    seen.push(...body.transactions);
    cursor = body.nextCursor;
  } while (cursor);
  return seen;
}

const idsOf = (side: Transaction['type']) => Object.entries(sides).filter(([, s]) => s === side).map(([id]) => Number(id)).sort((a, b) => b - a);

describe('GET /api/trading/history?side=', () => {
  it('when a trader pages through one side, then every fill of that side comes once, newest first, and no other', async () => {
    expect((await allPages('side=BUY', 2)).map((f) => f.id)).toEqual(idsOf('BUY'));
    expect((await allPages('side=SELL', 2)).map((f) => f.id)).toEqual(idsOf('SELL'));
  });

  it('when side and symbol are both given, then only fills matching both are listed', async () => {
    const fills = await allPages('side=SELL&symbol=BTCUSDT', 1);
    expect(fills.map((f) => [f.type, f.symbol])).toEqual([['SELL', 'BTCUSDT'], ['SELL', 'BTCUSDT']]);
  });

  it('when side is not BUY or SELL, then it is 400 VALIDATION_FAILED', async () => {
    expectProblem(await t.app.inject({ url: '/api/trading/history?side=buy', headers: me.headers }), 400, 'VALIDATION_FAILED');
    expectProblem(await t.app.inject({ url: '/api/trading/history.csv?side=HOLD', headers: me.headers }), 400, 'VALIDATION_FAILED');
  });

  it('when the CSV is exported for one side, then it holds exactly that side, oldest first', async () => {
    const csv = await t.app.inject({ url: '/api/trading/history.csv?side=SELL', headers: me.headers });
    expect(csv.statusCode, csv.body).toBe(200);
    const rows = csv.body.trim().split('\r\n').slice(1).map((l) => l.split(','));
    expect(rows.map((r) => Number(r[0]))).toEqual([...idsOf('SELL')].reverse());
    expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(['SELL']));
  });
});

describe('GET /api/trading/fees', () => {
  it('when anyone asks without a token, then the configured rates and slippage cap are returned as decimal strings', async () => {
    const res = await t.app.inject({ url: '/api/trading/fees' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ makerFeeRate: '0.0002', takerFeeRate: '0.00075', stopSlippageCap: '0.04' } satisfies FeeRatesResponse);
  });

  it('when a stop buy rests, then it holds stopPrice × (1 + the advertised cap) plus the fee at the larger advertised rate', async () => {
    const trader = await newTrader(t.app);
    const before = (await portfolioOf(t.app, trader)).cash;
    await placed(await order(t.app, trader, 'buy', { symbol: 'BTCUSDT', type: 'STOP_LOSS', stopPrice: '60000', quantity: '0.1' }));
    const held = dec(before).minus(dec((await portfolioOf(t.app, trader)).cash));
    expect(held.toFixed(), '60000 × 1.04 = 62400 on the 0.01 tick; 6240 USDT + 6240 × max(0.0002, 0.00075)').toBe('6244.68');
  });

  it('when a market order fills, then its fee is the advertised taker rate', async () => {
    const { fills } = await placed(await order(t.app, me, 'buy', { symbol: 'BTCUSDT', quantity: '0.01' }));
    expect(fills[0]?.fee, '500 USDT × 0.00075').toBe('0.375');
  });

  it('when the OpenAPI document is read, then it describes the fees response and the history side filter', async () => {
    const doc = (await t.app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: Record<string, unknown> }>> };
    expect(doc.paths['/api/trading/fees']?.get?.responses['200'], 'fees response documented').toBeDefined();
    expect(doc.paths['/api/trading/history']?.get?.parameters?.map((p) => p.name)).toContain('side');
  });
});
