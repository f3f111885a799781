import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SymbolsResponse } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { jsonResponse, signedInSession } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';
import type { LiveHoldings } from '../rules/live-holdings';
import { HoldingsPanel } from './holdings-panel';

const symbols: SymbolsResponse = { symbols: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING', tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5' }] };

const live: LiveHoldings = {
  holdings: [{
    symbol: 'BTCUSDT', quantity: '0.02', available: '0.00735', avgPrice: '50000', marketPrice: '50034.5', marketValue: '1000.69',
    unrealizedPnl: '0.69', unrealizedPnlPercent: '0.069', realizedPnl: '0', weightPercent: '1',
  }],
  cash: '98999.12477014', reserved: '0', totalValue: '99999.81477014', totalPnl: '-0.18522986', totalReturnPercent: '-0.0002', cashWeightPercent: '99',
};

describe('holdings panel', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when a stop holds part of a position, then the coins locked show beside it, cash reads to the cent with the exact figure on hover, and a 0.00 % return is not red', async () => {
    stubFetch(async () => jsonResponse(symbols));
    const store = createAppStore({ preferences: { language: 'en', theme: 'light' }, session: signedInSession() });
    render(
      <AppProvider store={store} queryClient={new QueryClient()} webSocket={FakeWebSocket}>
        <MemoryRouter>
          <HoldingsPanel live={live} />
        </MemoryRouter>
      </AppProvider>,
    );
    expect(await screen.findByText('0.01265 locked in orders')).toBeTruthy();
    const cash = screen.getByText('Cash').nextElementSibling!;
    expect(cash.textContent).toBe('98,999.12 USDT');
    expect(cash.getAttribute('title')).toBe('98999.12477014 USDT');
    const ret = screen.getByText('Return').nextElementSibling as HTMLElement;
    expect(ret.textContent).toBe('0.00%');
    expect(getComputedStyle(ret).color, 'a return that reads 0.00 % is not painted as a loss').not.toBe('rgb(198, 40, 57)');
    const row = screen.getAllByRole('row')[1]!;
    await waitFor(() => expect(within(row).getAllByRole('cell')[1]!.textContent, 'the amount at the 0.00001 step').toBe('0.020000.01265 locked in orders'));
  });
});
