import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeeRatesResponse, MarketStatus, PlaceOrderResponse, PricesResponse, SymbolsResponse } from '@cryptosim/contracts';
import { jsonResponse, renderApp, signedInSession } from '@/testing/render-app';
import { stubFetch } from '@/testing/stub-fetch';

// The chart throws while `chart.broken` is set: a stand-in for a chart library crash.
const chart = vi.hoisted(() => ({ broken: true }));
vi.mock('@/features/charts/components/candle-chart', () => ({
  default: ({ symbol }: { symbol: string }) => {
    if (chart.broken) throw new Error('chart library failed');
    return <p>Chart of {symbol}</p>;
  },
}));

const symbols: SymbolsResponse = {
  symbols: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING', tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5' }],
};
const prices: PricesResponse = {
  source: 'simulator',
  prices: [{ symbol: 'BTCUSDT', price: '50000', open24h: '50000', high24h: '50000', low24h: '50000', volume24h: '1', changePercent24h: '0', updatedAt: 1, stale: false }],
};
const status: MarketStatus = { source: 'simulator', connected: true, lastEventAt: 1, symbols: ['BTCUSDT'] };
const rates: FeeRatesResponse = { makerFeeRate: '0.001', takerFeeRate: '0.001', stopSlippageCap: '0.05' };
const portfolio = { cash: '100000', reserved: '0', totalValue: '100000', initialBalance: '100000', totalPnl: '0', totalReturnPercent: '0', positions: [] };
const placed: PlaceOrderResponse = {
  order: {
    id: 41, clientOrderId: 'web-x', symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', status: 'FILLED', quantity: '0.01', quoteAmount: null,
    price: null, stopPrice: null, timeInForce: null, triggeredAt: null, filledQuantity: '0.01', avgFillPrice: '50010', fee: '0.5001', rejectReason: null, run: 1,
    createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
  },
  fills: [],
};

function serve() {
  return stubFetch({
    '/api/market/symbols': () => jsonResponse(symbols),
    '/api/market/prices': () => jsonResponse(prices),
    '/api/market/status': () => jsonResponse(status),
    '/api/trading/fees': () => jsonResponse(rates),
    '/api/portfolio': () => jsonResponse(portfolio),
    '/api/trading/buy': () => jsonResponse(placed, 201),
  });
}

describe('trade page panels', { timeout: 30_000 }, () => {
  // The page is a lazy chunk; compiling it on first use can outlast a test's timeout.
  beforeAll(() => import('./trade-page'), 60_000);
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    chart.broken = true;
  });

  it('when the chart throws, then only the chart shows the fallback and the order ticket still places an order', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetchMock = serve();
    renderApp({ path: '/trade/BTCUSDT', session: signedInSession() });

    const fallback = await screen.findByText('This section could not be shown.', undefined, { timeout: 10_000 });
    expect(screen.getAllByText('This section could not be shown.'), 'one panel failed, not the page').toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'Trade BTCUSDT', level: 1 }), 'the page around it stays').toBeTruthy();

    const buy = await screen.findByRole<HTMLButtonElement>('button', { name: 'Buy BTC' });
    // Enabled once the balances have arrived.
    await waitFor(() => expect(buy.disabled).toBe(false), { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('Amount (BTC)', { selector: 'input' }), { target: { value: '0.01' } });
    fireEvent.click(buy);
    const dialog = await screen.findByRole('dialog', { name: 'Confirm your order' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm buy' })));
    expect(await screen.findByText('Bought 0.01 BTC at 50,010.00 (fee 0.5001 USDT).')).toBeTruthy();
    // The model's estimate panel posts its own requests; the ticket sent exactly one order.
    expect(fetchMock.mock.calls.filter(([path, init]) => init?.method === 'POST' && String(path).startsWith('/api/trading/')).map(([path]) => path)).toEqual(['/api/trading/buy']);

    // The closing dialog hides the rest of the page from the accessibility tree until it is gone.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    chart.broken = false;
    fireEvent.click(within(fallback.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Chart of BTCUSDT'), 'Retry renders the chart again').toBeTruthy();
    expect(screen.queryByText('This section could not be shown.')).toBeNull();
  });

  it('when a keyboard user lands on the Trade page, then the first Tab stop skips to the order ticket, from which the side, type and amount follow', async () => {
    chart.broken = false;
    serve();
    renderApp({ path: '/trade/BTCUSDT', session: signedInSession() });
    await screen.findByLabelText('Amount (BTC)', { selector: 'input' }, { timeout: 10_000 });

    const tabStops = [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-hidden') !== 'true',
    );
    const skip = tabStops[0]!;
    expect(skip.textContent, 'the first Tab stop of the page').toBe('Skip to order ticket');
    fireEvent.click(skip);
    const ticket = screen.getByRole('region', { name: 'Place an order' });
    expect(document.activeElement, 'the ticket panel has the focus').toBe(ticket);
    // Tab order inside the ticket: the side (one stop for the group), the order type, the amount.
    const inTicket = tabStops.filter((el) => ticket.contains(el)).map((el) => el.getAttribute('aria-label') ?? el.textContent ?? (el as HTMLInputElement).value);
    const amountAt = tabStops.filter((el) => ticket.contains(el)).indexOf(screen.getByLabelText('Amount (BTC)', { selector: 'input' }));
    expect(inTicket.slice(0, amountAt), 'the ticket\'s stops before the amount').toEqual(['Buy', 'Market']);
    expect(amountAt + 1 + 1, `Tab presses to the amount field from the page top (skip link, then ${inTicket.slice(0, amountAt + 1).join(', ')})`).toBeLessThanOrEqual(5);
  });
});
