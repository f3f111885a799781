import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { ticketRequested } from '../store/order-draft-slice';
import { PhoneTicketSheet } from './phone-ticket-sheet';

function renderSheet() {
  const store = createAppStore({ preferences: { language: 'en', theme: 'light' } });
  render(
    <AppProvider store={store} queryClient={new QueryClient()} webSocket={FakeWebSocket}>
      <PhoneTicketSheet symbol="BTCUSDT" baseAsset="BTC" focusId="order-ticket">
        <p>the ticket</p>
      </PhoneTicketSheet>
    </AppProvider>,
  );
  return store;
}

const sideOf = (store: ReturnType<typeof createAppStore>) => store.getState().orderDrafts.bySymbol.BTCUSDT?.side;

describe('phone ticket sheet', { timeout: 20_000 }, () => {
  afterEach(cleanup);

  it('when Sell is tapped on the bar, then the ticket opens in a bottom sheet with Sell chosen, and closes again', async () => {
    const store = renderSheet();
    expect(screen.queryByRole('dialog', { name: 'Place an order' })).toBeNull();
    expect(screen.getByRole('region', { name: 'Trade BTCUSDT' }).id, 'the skip link still has a target').toBe('order-ticket');
    fireEvent.click(screen.getByRole('button', { name: 'Sell BTC' }));
    expect(await screen.findByRole('dialog', { name: 'Place an order' })).toBeTruthy();
    expect(screen.getByText('the ticket')).toBeTruthy();
    expect(sideOf(store)).toBe('SELL');
    fireEvent.click(screen.getByRole('button', { name: 'Close the order ticket' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Place an order' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Buy BTC' }));
    expect(await screen.findByRole('dialog', { name: 'Place an order' })).toBeTruthy();
    expect(sideOf(store)).toBe('BUY');
  });

  it('when something else asks for the ticket (the first-trade guide), then the sheet opens', async () => {
    const store = renderSheet();
    act(() => void store.dispatch(ticketRequested()));
    expect(await screen.findByRole('dialog', { name: 'Place an order' })).toBeTruthy();
  });
});
