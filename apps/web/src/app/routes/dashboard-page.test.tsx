import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryResponse, MarketStatus, PriceRow, PricesResponse } from '@cryptosim/contracts';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, renderApp, signedInSession } from '@/testing/render-app';
import { stubFetch, type FetchRoute } from '@/testing/stub-fetch';

const row = (symbol: string, price: string, change: string): PriceRow => ({
  symbol, price, open24h: price, high24h: price, low24h: price, volume24h: '1234.5', changePercent24h: change, updatedAt: 1, stale: false,
});
const prices: PricesResponse = { source: 'simulator', prices: [row('BTCUSDT', '64000', '1.5'), row('ETHUSDT', '3000', '-2.25'), row('SOLUSDT', '150', '0')] };
const status: MarketStatus = { source: 'simulator', connected: true, lastEventAt: 1, symbols: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'] };
const history = (symbol: string): HistoryResponse => ({
  symbol, interval: '1h', candles: [0, 1, 2].map((i) => ({ openTime: i * 3_600_000, open: '1', high: '2', low: '1', close: String(1 + i), volume: '1' })),
});

/** Stubs fetch with these routes and each symbol's sparkline history. */
function serve(routes: Record<string, FetchRoute>) {
  return stubFetch({ '/api/market/history': (url) => jsonResponse(history(url.searchParams.get('symbol')!)), ...routes });
}

const marketRoutes = { '/api/market/prices': () => jsonResponse(prices), '/api/market/status': () => jsonResponse(status) };

async function findRow(symbol: string): Promise<HTMLElement> {
  // A loaded 2-core machine can take seconds for the first render of MUI's table styles.
  const link = await screen.findByRole('link', { name: `Trade ${symbol}` }, { timeout: 10_000 });
  return link.closest('tr')!;
}

describe('dashboard', { timeout: 30_000 }, () => {
  // The page is a lazy chunk; compiling it on first use can outlast a test's timeout.
  beforeAll(() => import('./dashboard-page'), 60_000);
  beforeEach(() => FakeWebSocket.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when a ticker frame arrives on /ws/prices, then that row shows the new price and change without a refetch', async () => {
    const fetchMock = serve(marketRoutes);
    renderApp();

    const btc = await findRow('BTCUSDT');
    expect(within(btc).getByText('64,000.00')).toBeTruthy();
    expect(within(btc).getByText('+1.50%')).toBeTruthy();
    const socket = FakeWebSocket.latest();
    act(() => socket.open());
    expect(socket.sent, 'one subscribe per channel for every listed symbol').toEqual([
      { op: 'subscribe', symbols: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'], channels: ['ticker'] },
      { op: 'subscribe', symbols: ['BTCUSDT', 'ETHUSDT', 'SOLUSDT'], channels: ['kline_1m'] },
    ]);
    const priceCalls = fetchMock.mock.calls.filter(([input]) => String(input).startsWith('/api/market/prices')).length;

    act(() => socket.receive({ type: 'ticker', data: row('BTCUSDT', '65123.45', '3.25') }));

    expect(within(await findRow('BTCUSDT')).getByText('65,123.45')).toBeTruthy();
    expect(within(await findRow('BTCUSDT')).getByText('+3.25%')).toBeTruthy();
    expect(within(await findRow('ETHUSDT')).getByText('3,000.00'), 'other rows keep their price').toBeTruthy();
    expect(fetchMock.mock.calls.filter(([input]) => String(input).startsWith('/api/market/prices'))).toHaveLength(priceCalls);
  });

  it('when prices load, then changes are signed, movers are split into gainers and losers and the source badge says Simulated', async () => {
    serve(marketRoutes);
    renderApp();

    expect(within(await findRow('ETHUSDT')).getByText('-2.25%')).toBeTruthy();
    expect(within(await findRow('SOLUSDT')).getByText('0.00%')).toBeTruthy();
    const movers = screen.getByRole('region', { name: 'Top movers (24 h)' });
    const [gainers, losers] = within(movers).getAllByRole('list');
    expect(within(gainers!).getByText('BTCUSDT')).toBeTruthy();
    expect(within(losers!).getByText('ETHUSDT')).toBeTruthy();
    expect(within(movers).queryByText('SOLUSDT'), 'an unchanged symbol is no mover').toBeNull();
    expect(await screen.findByLabelText('Price source: Simulated')).toBeTruthy();
  });

  it('when the server’s world is a replay, then the badge names the replayed day (the file’s clock), not today', async () => {
    const replay: MarketStatus = { ...status, source: 'replay', world: { kind: 'replay', checksum: 'ab'.repeat(32), since: 1 }, marketTime: Date.UTC(2025, 0, 2, 3, 4) };
    serve({ ...marketRoutes, '/api/market/status': () => jsonResponse(replay) });
    renderApp();
    expect(await screen.findByLabelText('Price source: Replay · 2025-01-02', undefined, { timeout: 10_000 })).toBeTruthy();
  });

  it('when the world is live but the feed is silent, then the badge says live and disconnected, never simulated', async () => {
    // The feed last heard is named by the world, not by whichever source wrote the cache last.
    const stale: MarketStatus = { ...status, source: 'simulator', connected: false, world: { kind: 'live', since: 1 }, marketTime: 1 };
    serve({ ...marketRoutes, '/api/market/status': () => jsonResponse(stale) });
    renderApp();
    expect(await screen.findByLabelText('Price source: Live · Binance (disconnected)', undefined, { timeout: 10_000 })).toBeTruthy();
  });

  it('when signed in and the server has no portfolio endpoint (404), then the card says it is not available', async () => {
    serve(marketRoutes);
    renderApp({ session: signedInSession() });

    expect(await screen.findByText('Portfolio figures are not available on this server yet.')).toBeTruthy();
  });

  it('when signed in, then the portfolio card shows total value, P&L and return from GET /api/portfolio', async () => {
    const portfolio = { cash: '50000', reserved: '0', totalValue: '101234.5', initialBalance: '100000', totalPnl: '1234.5', totalReturnPercent: '1.2345', positions: [] };
    const fetchMock = serve({ ...marketRoutes, '/api/portfolio': () => jsonResponse(portfolio) });
    renderApp({ session: signedInSession() });

    expect(await screen.findByText('101,234.50 USDT')).toBeTruthy();
    expect(screen.getByText('+1,234.50 USDT')).toBeTruthy();
    expect(screen.getByText('+1.23%')).toBeTruthy();
    const call = fetchMock.mock.calls.find(([input]) => String(input) === '/api/portfolio');
    expect(new Headers(call?.[1]?.headers).get('Authorization')).toBe('Bearer access-1');
  });

  it('when signed out, then the portfolio card invites to log in instead of calling the API', async () => {
    const fetchMock = serve(marketRoutes);
    renderApp();

    expect(await screen.findByText('Log in to follow your portfolio and trade.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([input]) => String(input) === '/api/portfolio')).toBe(false);
  });
});
