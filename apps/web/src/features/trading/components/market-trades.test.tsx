import { act, cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KlineData, MarketStatus, SymbolInfo, TradesResponse, Transaction } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import type { Language } from '@/lib/i18n';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, signedInSession } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';
import { MarketTrades } from './market-trades';

const BTC: SymbolInfo = {
  symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING',
  tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5',
};
const NOW = Date.now();
const status = (source: MarketStatus['source']): MarketStatus => ({ source, connected: true, lastEventAt: 0, symbols: ['BTCUSDT'] });
const TAPE: TradesResponse = {
  symbol: 'BTCUSDT', source: 'binance', updatedAt: NOW,
  trades: [
    { id: 12, price: '64000.51', quantity: '0.012', time: NOW - 1_000, buyerMaker: false },
    { id: 11, price: '64000.49', quantity: '0.5', time: NOW - 3_000, buyerMaker: true },
  ],
};
const fill = (id: number, createdAt: number): Transaction => ({
  id, orderId: id, symbol: 'BTCUSDT', type: 'BUY', quantity: '0.2', price: '64000.5', fee: '12.8', totalAmount: '12800.1',
  realizedPnl: null, run: 1, createdAt: new Date(createdAt).toISOString(),
});
const kline = (close: string, volume: string): KlineData => ({
  symbol: 'BTCUSDT', interval: '1m', openTime: 1_776_000_000_000, open: '64000', high: '64100', low: '63900', close, volume, closed: false,
});

function renderTape(source: MarketStatus['source'], { language = 'en' as Language, fills = [] as Transaction[] } = {}) {
  const fetchMock = stubFetch({
    '/api/market/status': () => jsonResponse(status(source)),
    '/api/market/trades': () => jsonResponse(TAPE),
    '/api/trading/history': () => jsonResponse({ transactions: fills, nextCursor: null }),
  });
  const store = createAppStore({ preferences: { language, theme: 'light' }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <MarketTrades rules={BTC} />
    </AppProvider>,
  );
  return fetchMock;
}

const rows = () => screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
const calledPaths = (fetchMock: ReturnType<typeof renderTape>) => fetchMock.mock.calls.map(([input]) => String(input));

describe('recent trades', { timeout: 20_000 }, () => {
  beforeEach(() => FakeWebSocket.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("when prices come from Binance, then Binance's trades are listed newest first, with the user's recent fill among them and marked", async () => {
    const fetchMock = renderTape('binance', { fills: [fill(7, NOW - 2_000), fill(6, NOW - 86_400_000)] });
    await screen.findByText('You bought');
    expect(calledPaths(fetchMock)).toContain('/api/market/trades?symbol=BTCUSDT&limit=20');
    expect(screen.getByText('Binance')).toBeTruthy();
    const shown = rows();
    // Yesterday's fill is older than the tape: it is not a recent trade.
    expect(shown.map((r) => r[0])).toEqual(['64,000.51', '64,000.50', '64,000.49']);
    expect(shown[1]![2]).toContain('You bought');
    expect(shown[0]![2]).not.toContain('You');
    expect(shown[1]![1]).toBe('0.20000');
  });

  it('when prices come from the simulator, then prints come from the live candle, labelled simulated, and the Binance tape is never asked', async () => {
    const fetchMock = renderTape('simulator');
    await screen.findByText('Waiting for the next print…');
    expect(screen.getByText('Simulated prints')).toBeTruthy();
    const socket = FakeWebSocket.latest();
    act(() => socket.open());
    expect(socket.sent).toContainEqual(expect.objectContaining({ op: 'subscribe', symbols: ['BTCUSDT'], channels: expect.arrayContaining(['kline_1m']) }));
    act(() => socket.receive({ type: 'snapshot', data: { symbol: 'BTCUSDT', ticker: null, kline: kline('64000', '10') } }));
    act(() => socket.receive({ type: 'kline', data: kline('64010', '10.25') }));
    act(() => socket.receive({ type: 'kline', data: kline('64005', '10.5') }));
    act(() => socket.receive({ type: 'kline', data: { ...kline('64005', '1'), symbol: 'ETHUSDT' } }));
    const shown = rows();
    expect(shown.map((r) => [r[0], r[1]])).toEqual([['64,005.00', '0.25000'], ['64,010.00', '0.25000']]);
    expect(calledPaths(fetchMock).filter((p) => p.startsWith('/api/market/trades'))).toEqual([]);
  });

  it('when the reader uses Korean, then the panel and the marker are Korean', async () => {
    renderTape('binance', { language: 'ko', fills: [fill(7, NOW - 2_000)] });
    expect(await screen.findByText('내 매수')).toBeTruthy();
    expect(screen.getByText('최근 체결')).toBeTruthy();
  });
});
