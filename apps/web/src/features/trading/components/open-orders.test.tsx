import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Order, OrdersResponse } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { stubPhoneMedia } from '@/testing/phone-media';
import { jsonResponse, problem, signedInSession } from '@/testing/render-app';
import { OpenOrders } from './open-orders';

const resting = (patch: Partial<Order>): Order => ({
  id: 7, clientOrderId: 'c7', symbol: 'BTCUSDT', side: 'SELL', type: 'STOP_LOSS_LIMIT', status: 'NEW', quantity: '0.1', quoteAmount: null,
  price: '48900', stopPrice: '49000', timeInForce: 'GTC', triggeredAt: null, filledQuantity: '0', avgFillPrice: null, fee: '0', rejectReason: null,
  run: 1, createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...patch,
});

function renderOrders(orders: Order[]) {
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(async (input) => {
    const path = String(input).split('?')[0]!;
    if (path === '/api/trading/orders') return jsonResponse({ orders, nextCursor: null } satisfies OrdersResponse);
    return jsonResponse(problem(404, 'NOT_FOUND'), 404);
  }));
  const store = createAppStore({ preferences: { language: 'en', theme: 'light' }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <OpenOrders symbol="BTCUSDT" />
    </AppProvider>,
  );
}

describe('open orders', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when a stop-limit waits for its stop, then its row names the type and shows the trigger under the limit price; once triggered, only the limit', async () => {
    renderOrders([resting({}), resting({ id: 8, triggeredAt: '2025-01-01T00:01:00.000Z' })]);
    expect(await screen.findAllByText(/Sell · Stop-limit/, { selector: 'td' })).toHaveLength(2);
    expect(screen.getAllByText('Trigger 49,000.00')).toHaveLength(1);
    expect(screen.getAllByText('48,900.00')).toHaveLength(2);
  });

  it('when the screen is a phone, then each order is a card with its figures and its Cancel, and no table is drawn', async () => {
    stubPhoneMedia();
    renderOrders([resting({}), resting({ id: 8, side: 'BUY', type: 'LIMIT', stopPrice: null, price: '47000', filledQuantity: '0.02' })]);
    const list = await screen.findByRole('list', { name: 'Open orders' });
    const cards = within(list).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(screen.queryByRole('table')).toBeNull();
    expect(within(cards[0]!).getByRole('heading').textContent).toMatch(/^Sell · Stop-limit #7/);
    expect(within(cards[0]!).getByText('Trigger 49,000.00')).toBeTruthy();
    expect(within(cards[1]!).getByText('47,000.00')).toBeTruthy();
    expect(within(cards[1]!).getByText(/^0\.02/)).toBeTruthy();
    expect(within(cards[1]!).getByRole('button', { name: /Cancel.*8/ })).toBeTruthy();
  });
});
