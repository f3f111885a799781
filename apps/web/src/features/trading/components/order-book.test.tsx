import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DepthResponse, MarketStatus, PriceRow, SymbolInfo } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import type { Language } from '@/lib/i18n';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';
import { OrderBook } from './order-book';

const BTC: SymbolInfo = {
  symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING',
  tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5',
};
const ROW: PriceRow = {
  symbol: 'BTCUSDT', price: '64000.5', open24h: '63000', high24h: '65000', low24h: '62000', volume24h: '12000',
  changePercent24h: '1.59', updatedAt: 0, stale: false,
};
const status = (source: MarketStatus['source']): MarketStatus => ({ source, connected: true, lastEventAt: 0, symbols: ['BTCUSDT'] });
const BOOK: DepthResponse = {
  symbol: 'BTCUSDT', source: 'binance', updatedAt: 0,
  bids: [['64000.49', '0.25'], ['63990', '1.5']],
  asks: [['64000.51', '0.125'], ['64010', '2']],
};

function renderBook(source: MarketStatus['source'], language: Language = 'en') {
  const fetchMock = stubFetch({ '/api/market/status': () => jsonResponse(status(source)), '/api/market/depth': () => jsonResponse(BOOK) });
  const store = createAppStore({ preferences: { language, theme: 'light' } });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <OrderBook row={ROW} rules={BTC} depth={2} />
    </AppProvider>,
  );
  return Object.assign(fetchMock, { store });
}

const calledPaths = (fetchMock: ReturnType<typeof renderBook>) => fetchMock.mock.calls.map(([input]) => String(input));
const prices = () => screen.getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('order book', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it("when prices come from Binance, then Binance's levels are shown with running totals and labelled Binance", async () => {
    const fetchMock = renderBook('binance');
    await screen.findByText('Binance');
    expect(calledPaths(fetchMock)).toContain('/api/market/depth?symbol=BTCUSDT&limit=2');
    expect(screen.queryByText('Simulated'), 'the simulated label is gone once the real book is in').toBeNull();
    expect(screen.getByText('Live order book from Binance, refreshed every 2 seconds.')).toBeTruthy();
    // Asks furthest first, then the last price, then bids best first.
    expect(prices()).toEqual(['64,010.00', '64,000.51', 'Last 64,000.50', '64,000.49', '63,990.00']);
    const bestBid = screen.getAllByRole('row')[4]!;
    // Total is the level's worth in the quote asset, and its header says so.
    expect(within(bestBid).getAllByRole('cell').map((c) => c.textContent)).toEqual(['64,000.49', '0.25000', '16,000.12']);
    expect(screen.getByRole('columnheader', { name: 'Total (USDT)' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Depth chart: 1.75000 BTC bid down to 63,990.00, 2.12500 BTC offered up to 64,010.00' })).toBeTruthy();
  });

  it('when a price is clicked on a market ticket, then it becomes the limit price and the ticket a limit; a size fills the amount', async () => {
    const { store } = renderBook('binance');
    await screen.findByText('Binance');
    const draft = () => store.getState().orderDrafts.bySymbol.BTCUSDT;
    fireEvent.click(screen.getByRole('button', { name: 'Use price 64,000.51 in the order ticket' }));
    expect(draft()).toMatchObject({ type: 'LIMIT', price: '64000.51', side: 'BUY' });
    fireEvent.click(screen.getByRole('button', { name: 'Use amount 2.00000 BTC in the order ticket' }));
    expect(draft()).toMatchObject({ type: 'LIMIT', price: '64000.51', amount: '2', unit: 'BASE' });
    expect(store.getState().orderDrafts.ticketRequests, 'each click brings the ticket forward (a phone opens its sheet)').toBe(2);
  });

  it('when a price is clicked on a stop-limit ticket, then the type is kept and only the limit price changes', async () => {
    const { store } = renderBook('binance');
    await screen.findByText('Binance');
    store.dispatch({ type: 'orderDrafts/draftChanged', payload: { symbol: 'BTCUSDT', patch: { type: 'STOP_LOSS_LIMIT', stopPrice: '63000' } } });
    fireEvent.click(screen.getByRole('button', { name: 'Use price 63,990.00 in the order ticket' }));
    expect(store.getState().orderDrafts.bySymbol.BTCUSDT).toMatchObject({ type: 'STOP_LOSS_LIMIT', price: '63990', stopPrice: '63000' });
  });

  it('when prices come from Binance and the reader uses Korean, then the label is in Korean', async () => {
    renderBook('binance', 'ko');
    expect(await screen.findByText('바이낸스')).toBeTruthy();
    expect(screen.getByText('바이낸스의 실시간 호가창입니다. 2초마다 갱신됩니다.')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: '총액 (USDT)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '64,000.49 가격으로 주문창 채우기' })).toBeTruthy();
  });

  it('when prices come from the simulator, then the book is simulated around the live price, labelled so, and depth is never asked', async () => {
    const fetchMock = renderBook('simulator');
    await waitFor(() => expect(calledPaths(fetchMock)).toContain('/api/market/status'));
    expect(screen.getByText('Simulated')).toBeTruthy();
    expect(screen.getByText('Simulated depth around the live price: this price source has no real order book.')).toBeTruthy();
    expect(screen.queryByText('Binance')).toBeNull();
    expect(calledPaths(fetchMock).filter((p) => p.startsWith('/api/market/depth'))).toEqual([]);
    const shown = prices();
    expect(shown).toHaveLength(5);
    expect(shown[2]).toBe('Last 64,000.50');
  });
});
