import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Portfolio } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import type { Language } from '@/lib/i18n';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { FirstTradeGuide } from './first-trade-guide';

const untouched: Portfolio = { cash: '100000', reserved: '0', totalValue: '100000', initialBalance: '100000.00000000', totalPnl: '0', totalReturnPercent: '0', positions: [] };
const holding: Portfolio = {
  ...untouched,
  cash: '99899.9',
  totalValue: '99999.8',
  positions: [{ symbol: 'BTCUSDT', quantity: '0.002', available: '0.002', avgPrice: '50000', marketPrice: '50000', marketValue: '100', unrealizedPnl: '0', unrealizedPnlPercent: '0', realizedPnl: '0' }],
};

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function renderGuide(portfolio: Portfolio | undefined, options: { storage?: Storage; language?: Language; onFill?: () => void } = {}) {
  const store = createAppStore({ preferences: { language: options.language ?? 'en', theme: 'light' } });
  const storage = options.storage ?? memoryStorage();
  const onFill = options.onFill ?? vi.fn();
  const ui = (p: Portfolio | undefined) => (
    <AppProvider store={store} queryClient={new QueryClient()} webSocket={FakeWebSocket}>
      <MemoryRouter>
        <FirstTradeGuide userId={7} symbol="BTCUSDT" baseAsset="BTC" portfolio={p} onFillTicket={onFill} storage={storage} />
      </MemoryRouter>
    </AppProvider>
  );
  const view = render(ui(portfolio));
  return { storage, onFill, rerender: (p: Portfolio | undefined) => view.rerender(ui(p)) };
}

describe('first-trade guide', { timeout: 20_000 }, () => {
  afterEach(cleanup);

  it('when an account has never traded, then the guide offers to fill the ticket with a 100 USDT market buy, and filling it moves on to review', async () => {
    const { onFill } = renderGuide(untouched);
    expect(screen.getByRole('region', { name: 'Your first trade in three steps' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Fill the ticket with 100.00 USDT' }));
    expect(onFill).toHaveBeenCalledOnce();
    expect(screen.getByText(/Press "Buy BTC" and confirm/)).toBeTruthy();
  });

  it('when the first buy fills while the guide is open, then it congratulates and links to the portfolio', async () => {
    const { rerender } = renderGuide(untouched);
    rerender(holding);
    expect(await screen.findByText('Your BTC arrived')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See my portfolio' }).getAttribute('href')).toBe('/portfolio');
  });

  it('when an account already holds coin or the portfolio is still loading, then no guide is shown', () => {
    renderGuide(holding);
    renderGuide(undefined);
    expect(screen.queryByRole('region', { name: 'Your first trade in three steps' })).toBeNull();
  });

  it('when the user closes it, then it stays closed for that user on the next visit but not for another user', async () => {
    const { storage } = renderGuide(untouched);
    fireEvent.click(screen.getByRole('button', { name: "Don't show again" }));
    expect(screen.queryByRole('region', { name: 'Your first trade in three steps' })).toBeNull();
    cleanup();
    renderGuide(untouched, { storage });
    expect(screen.queryByRole('region', { name: 'Your first trade in three steps' })).toBeNull();
    expect(storage.getItem('cryptosim.firstTradeGuide.7')).toBe('dismissed');
    expect(storage.getItem('cryptosim.firstTradeGuide.8')).toBeNull();
  });

  it('when the language is Korean, then the guide speaks Korean with the right particle', () => {
    renderGuide(untouched, { language: 'ko' });
    expect(screen.getByRole('region', { name: '세 단계로 끝내는 첫 거래' })).toBeTruthy();
    expect(screen.getByText(/BTCUSDT를 지금 실시간 가격으로/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '100.00 USDT로 주문 채우기' })).toBeTruthy();
  });
});
