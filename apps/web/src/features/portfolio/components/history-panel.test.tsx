import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SymbolsResponse, TradeHistoryResponse, Transaction } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, signedInSession } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';
import { HistoryPanel } from './history-panel';

const fill = (id: number, type: Transaction['type']): Transaction => ({
  id, orderId: id, symbol: 'BTCUSDT', type, quantity: '0.01', price: String(50000 + id), fee: '0.5', totalAmount: '500', realizedPnl: null, run: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
});
const symbols: SymbolsResponse = { symbols: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING', tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5' }] };

/** A server with two pages of sells (ids 9, 7 then 3) and buys in between, answering only what the query asks for. */
function serve() {
  return stubFetch({
    '/api/market/symbols': () => jsonResponse(symbols),
    '/api/trading/history.csv': () => new Response('id\r\n', { headers: { 'Content-Type': 'text/csv' } }),
    '/api/trading/history': (url) => {
      const side = url.searchParams.get('side');
      const body: TradeHistoryResponse =
        side === 'SELL'
          ? url.searchParams.get('cursor') === 'c1' ? { transactions: [fill(3, 'SELL')], nextCursor: null } : { transactions: [fill(9, 'SELL'), fill(7, 'SELL')], nextCursor: 'c1' }
          : { transactions: [fill(9, 'SELL'), fill(8, 'BUY')], nextCursor: 'c0' };
      return jsonResponse(body);
    },
  });
}

const historyCalls = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://x')).filter((u) => u.pathname.startsWith('/api/trading/history'));
const rows = () => within(screen.getByRole('table')).getAllByRole('row').slice(1).map((row) => row.textContent);

describe('trade history panel', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when the side filter is set to Sell, then the server is asked for sells on every page, and the export too', async () => {
    const fetchMock = serve();
    const store = createAppStore({ preferences: { language: 'en', theme: 'light' }, session: signedInSession() });
    render(
      <AppProvider store={store} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} webSocket={FakeWebSocket}>
        <HistoryPanel />
      </AppProvider>,
    );
    await screen.findByRole('table');
    expect(historyCalls(fetchMock)[0]?.searchParams.has('side'), 'no side filter at first').toBe(false);

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Side' }));
    fireEvent.click(screen.getByRole('option', { name: 'Sell' }));
    await screen.findByText('50,007.00');
    expect(rows()).toHaveLength(2);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Load more' })));
    await screen.findByText('50,003.00');
    expect(rows(), 'the second page comes from the server, filtered there').toHaveLength(3);
    const sellCalls = historyCalls(fetchMock).filter((u) => u.pathname === '/api/trading/history').slice(1);
    expect(sellCalls.map((u) => [u.searchParams.get('side'), u.searchParams.get('cursor')])).toEqual([['SELL', null], ['SELL', 'c1']]);

    // jsdom has no object URLs; the download only needs one to hand to the link.
    vi.stubGlobal('URL', class extends URL { static override createObjectURL = () => 'blob:x'; static override revokeObjectURL = () => undefined; });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Export CSV' })));
    const csv = historyCalls(fetchMock).find((u) => u.pathname === '/api/trading/history.csv');
    expect(csv?.searchParams.get('side'), 'the export takes the same filter').toBe('SELL');
  });
});
