import { cleanup, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Transaction } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { stubPhoneMedia } from '@/testing/phone-media';
import { jsonResponse, problem } from '@/testing/render-app';
import { FillsTable } from './fills-table';

const fill = (patch: Partial<Transaction>): Transaction => ({
  id: 1, orderId: 11, symbol: 'BTCUSDT', type: 'BUY', quantity: '0.5', price: '50000', fee: '25', totalAmount: '25000', realizedPnl: null, run: 1,
  createdAt: '2025-01-01T00:00:00.000Z', ...patch,
});

function renderFills(fills: Transaction[]) {
  vi.stubGlobal('fetch', vi.fn<typeof fetch>(async () => jsonResponse(problem(404, 'NOT_FOUND'), 404)));
  const store = createAppStore({ preferences: { language: 'en', theme: 'light' } });
  return render(
    <AppProvider store={store} queryClient={new QueryClient({ defaultOptions: { queries: { retry: false } } })} webSocket={FakeWebSocket}>
      <FillsTable fills={fills} label="My trades" />
    </AppProvider>,
  );
}

describe('fills table', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  const fills = [fill({ id: 2, type: 'SELL', price: '52000', totalAmount: '13000', quantity: '0.25', fee: '13', realizedPnl: '487' }), fill({})];

  it('when the screen is wide, then each fill is a row of the named table, realized P&L signed', () => {
    renderFills(fills);
    const region = screen.getByRole('region', { name: 'My trades' });
    const rows = within(region).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getAllByRole('cell').map((c) => c.textContent)).toContain('+487.00 USDT');
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('when the screen is a phone, then each fill is a card with the same figures and no table is drawn', () => {
    stubPhoneMedia();
    renderFills(fills);
    const cards = within(screen.getByRole('list', { name: 'My trades' })).getAllByRole('listitem');
    expect(cards).toHaveLength(2);
    expect(screen.queryByRole('table')).toBeNull();
    expect(within(cards[0]!).getByRole('heading').textContent).toBe('Sell · BTCUSDT');
    const figures = (card: HTMLElement) => Object.fromEntries(within(card).getAllByRole('term').map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]));
    expect(figures(cards[0]!)).toMatchObject({ 'Realized P&L': '+487.00 USDT' });
    expect(figures(cards[1]!)).toMatchObject({ 'Realized P&L': '—' });
    expect(Object.keys(figures(cards[1]!))).toEqual(['Price', 'Amount', 'Value', 'Fee', 'Realized P&L']);
  });
});
