import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Order, SymbolsResponse } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, problem, signedInSession } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';
import { OpenOrdersTab } from './open-orders-tab';

const order = (id: number, price: string, extra: Partial<Order> = {}): Order => ({
  id, clientOrderId: `c${id}`, symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', status: 'NEW', quantity: '0.01', quoteAmount: null, price, stopPrice: null,
  timeInForce: 'GTC', triggeredAt: null, filledQuantity: '0', avgFillPrice: null, fee: '0', rejectReason: null, run: 1, replacedBy: null, replaces: null,
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
});
const symbols: SymbolsResponse = { symbols: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING', tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5' }] };

/** A server holding orders 1 and 2; a replace at 41000.005 is refused as off the tick, any other price replaces order 1 with order 3. */
function serve() {
  let open = [order(2, '40000'), order(1, '39000')];
  return stubFetch({
    '/api/market/symbols': () => jsonResponse(symbols),
    '/api/trading/orders': (_url, init) => {
      if (init?.method === 'DELETE') {
        const canceled = open.map((o) => ({ ...o, status: 'CANCELED' as const }));
        open = [];
        return jsonResponse({ canceled });
      }
      return jsonResponse({ orders: open, nextCursor: null });
    },
    '/api/trading/orders/1/replace': (_url, init) => {
      const { price } = JSON.parse(String(init?.body)) as { price: string };
      if (price === '41000.005') return jsonResponse(problem(400, 'PRICE_FILTER'), 400);
      const created = order(3, price, { replaces: 1 });
      open = [created, open.find((o) => o.id === 2)!];
      return jsonResponse({ canceled: order(1, '39000', { status: 'CANCELED', replacedBy: 3 }), order: created });
    },
  });
}

function renderTab() {
  const store = createAppStore({ preferences: { language: 'en', theme: 'light' }, session: signedInSession() });
  render(
    <AppProvider store={store} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} webSocket={FakeWebSocket}>
      <OpenOrdersTab />
    </AppProvider>,
  );
}

const calls = (fetchMock: ReturnType<typeof serve>, method: string) =>
  fetchMock.mock.calls.filter(([, init]) => init?.method === method).map(([input, init]) => [new URL(String(input), 'http://x').pathname, init?.body ?? null]);

describe('open orders tab', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when a price is edited, then one replace is sent; a refused price is explained and the order stays; an accepted one shows the new order', async () => {
    const fetchMock = serve();
    renderTab();
    const list = await screen.findByRole('list', { name: 'Open orders' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Edit price of order #1' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit price of order #1' });
    const price = within(dialog).getByLabelText('New limit price (USDT)');
    fireEvent.change(price, { target: { value: '41000.005' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Replace order' })));
    expect(await within(dialog).findByText('The price is not a multiple of the tick size.')).toBeTruthy();
    expect(screen.getByText('Order #1'), 'the refused replace left order 1 in the list').toBeTruthy();

    fireEvent.change(price, { target: { value: '41000' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Replace order' })));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Order #3 now rests at 41,000.00.')).toBeTruthy();
    await screen.findByText('Order #3 · Replaces #1');
    expect(calls(fetchMock, 'POST')).toEqual([
      ['/api/trading/orders/1/replace', JSON.stringify({ price: '41000.005' })],
      ['/api/trading/orders/1/replace', JSON.stringify({ price: '41000' })],
    ]);
  });

  it('when Cancel all is confirmed, then one DELETE cancels every order; keeping them sends nothing', async () => {
    const fetchMock = serve();
    renderTab();
    await screen.findByRole('list', { name: 'Open orders' });

    fireEvent.click(screen.getByRole('button', { name: 'Cancel all' }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel all open orders?' });
    expect(within(dialog).getByText('All 2 open orders will be canceled and what they hold is available again at once.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep orders' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls(fetchMock, 'DELETE'), 'keeping the orders sends nothing').toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel all' }));
    await act(async () => fireEvent.click(within(await screen.findByRole('dialog', { name: 'Cancel all open orders?' })).getByRole('button', { name: 'Cancel all orders' })));
    expect(await screen.findByText('2 orders canceled.')).toBeTruthy();
    expect(await screen.findByText('You have no open orders.')).toBeTruthy();
    expect(calls(fetchMock, 'DELETE')).toEqual([['/api/trading/orders', null]]);
  });
});
