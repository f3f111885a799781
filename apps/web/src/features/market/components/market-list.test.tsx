/**
 * The markets list on the dashboard (desktop width, jsdom): search by symbol and coin name,
 * sortable headers with aria-sort, and the watchlist star kept through the API.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PriceRow, PricesResponse, WatchlistResponse } from '@cryptosim/contracts';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, problem, renderApp, signedInSession } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';

const row = (symbol: string, price: string, change: string, volume: string): PriceRow => ({
  symbol, price, open24h: price, high24h: price, low24h: price, volume24h: volume, changePercent24h: change, updatedAt: 1, stale: false,
});
const prices: PricesResponse = {
  source: 'simulator',
  prices: [row('BTCUSDT', '64000', '1.5', '10'), row('ETHUSDT', '3000', '-2.25', '500'), row('SOLUSDT', '150', '4', '90')],
};
const marketRoutes = {
  '/api/market/prices': () => jsonResponse(prices),
  '/api/market/history': () => jsonResponse({ symbol: 'BTCUSDT', interval: '1h', candles: [] }),
};

const table = async () => screen.findByRole('table', { name: 'Live prices of every listed symbol' }, { timeout: 10_000 });
const symbolsShown = async () => {
  return (await within(await table()).findAllByRole('link', { name: /^Trade / })).map((a) => a.textContent);
};

describe('markets list', { timeout: 30_000 }, () => {
  beforeAll(() => import('@/app/routes/dashboard-page'), 60_000);
  beforeEach(() => FakeWebSocket.reset());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when a user searches by Korean or English name or symbol, then only matching coins stay, and a miss says so', async () => {
    stubFetch(marketRoutes);
    renderApp();
    expect(await symbolsShown()).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    const search = screen.getByRole('searchbox', { name: 'Search coins' });

    fireEvent.change(search, { target: { value: '비트' } });
    expect(await symbolsShown()).toEqual(['BTCUSDT']);
    fireEvent.change(search, { target: { value: 'ethereum' } });
    expect(await symbolsShown()).toEqual(['ETHUSDT']);
    fireEvent.change(search, { target: { value: 'sol' } });
    expect(await symbolsShown()).toEqual(['SOLUSDT']);
    fireEvent.change(search, { target: { value: 'nothing' } });
    expect(await within(await table()).findByText('No coin matches “nothing”.')).toBeTruthy();
  });

  it('when a column header is clicked, then rows sort by it and its header carries aria-sort; a second click reverses', async () => {
    stubFetch(marketRoutes);
    renderApp();
    expect(await symbolsShown()).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT']);
    const header = (name: string) => within(screen.getByRole('table')).getByRole('columnheader', { name });

    fireEvent.click(within(header('24h volume')).getByRole('button'));
    expect(await symbolsShown()).toEqual(['ETHUSDT', 'SOLUSDT', 'BTCUSDT']);
    expect(header('24h volume').getAttribute('aria-sort')).toBe('descending');
    expect(header('Price').getAttribute('aria-sort')).toBeNull();

    fireEvent.click(within(header('24h volume')).getByRole('button'));
    expect(await symbolsShown()).toEqual(['BTCUSDT', 'SOLUSDT', 'ETHUSDT']);
    expect(header('24h volume').getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(within(header('24h change')).getByRole('button'));
    expect(await symbolsShown()).toEqual(['SOLUSDT', 'BTCUSDT', 'ETHUSDT']);
    fireEvent.click(within(header('Symbol')).getByRole('button'));
    expect(header('Symbol').getAttribute('aria-sort')).toBe('ascending');
  });

  it('when a signed-in user stars a coin, then it is PUT to the server and the Watchlist tab shows it; a full watchlist says so and the star reverts', async () => {
    let stars: string[] = ['SOLUSDT'];
    const fetchMock = stubFetch({
      ...marketRoutes,
      '/api/watchlist': () => jsonResponse({ symbols: stars } satisfies WatchlistResponse),
      '/api/watchlist/ETHUSDT': (_url, init) => ((stars = init?.method === 'PUT' ? [...stars, 'ETHUSDT'] : stars.filter((s) => s !== 'ETHUSDT')), jsonResponse({ symbols: stars })),
      '/api/watchlist/BTCUSDT': () => jsonResponse(problem(409, 'WATCHLIST_FULL'), 409),
    });
    renderApp({ session: signedInSession() });
    await screen.findByRole('button', { name: 'Remove SOLUSDT from watchlist' }, { timeout: 10_000 });

    fireEvent.click(screen.getByRole('button', { name: 'Add ETHUSDT to watchlist' }));
    await screen.findByRole('button', { name: 'Remove ETHUSDT from watchlist' });
    const put = fetchMock.mock.calls.find(([input]) => String(input) === '/api/watchlist/ETHUSDT');
    expect(put?.[1]?.method).toBe('PUT');
    expect(stars).toEqual(['SOLUSDT', 'ETHUSDT']);

    fireEvent.click(screen.getByRole('tab', { name: 'Watchlist' }));
    expect(await symbolsShown()).toEqual(['ETHUSDT', 'SOLUSDT']);
    fireEvent.click(screen.getByRole('tab', { name: 'All' }));

    fireEvent.click(screen.getByRole('button', { name: 'Add BTCUSDT to watchlist' }));
    expect(await screen.findByText('Your watchlist already holds 50 coins. Remove one first.')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add BTCUSDT to watchlist' })).toBeTruthy());
  });

  it('when signed out, then no stars are shown and the Watchlist tab asks to log in without calling the API', async () => {
    const fetchMock = stubFetch(marketRoutes);
    renderApp();
    await symbolsShown();
    expect(screen.queryByRole('button', { name: /to watchlist$/ })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Watchlist' }));
    expect(await screen.findByText('Log in to keep a watchlist on your account.')).toBeTruthy();
    expect(fetchMock.mock.calls.some(([input]) => String(input).startsWith('/api/watchlist'))).toBe(false);
  });
});
