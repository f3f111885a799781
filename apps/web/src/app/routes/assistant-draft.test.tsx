import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatOrderDraft, ChatStreamEvent, FeeRatesResponse, MarketStatus, PricesResponse, SymbolsResponse } from '@cryptosim/contracts';
import { buyDraft, sseReply } from '@/features/assistant/testing/chat-fixtures';
import { jsonResponse, problem, renderApp, signedInSession } from '@/testing/render-app';
import { ticketDraftOf } from './use-open-order-draft';

// The chart library needs a real canvas; these tests are about the assistant and the ticket.
vi.mock('@/features/charts/components/candle-chart', () => ({ default: ({ symbol }: { symbol: string }) => <p>Chart of {symbol}</p> }));

const symbols: SymbolsResponse = {
  symbols: [{ symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING', tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5' }],
};
const prices: PricesResponse = {
  source: 'simulator',
  prices: [{ symbol: 'BTCUSDT', price: '97000.1', open24h: '97000', high24h: '97000', low24h: '97000', volume24h: '1', changePercent24h: '0', updatedAt: 1, stale: false }],
};
const status: MarketStatus = { source: 'simulator', connected: true, lastEventAt: 1, symbols: ['BTCUSDT'] };
const rates: FeeRatesResponse = { makerFeeRate: '0.001', takerFeeRate: '0.001', stopSlippageCap: '0.05' };
const portfolio = { cash: '100000', reserved: '0', totalValue: '100000', initialBalance: '100000', totalPnl: '0', totalReturnPercent: '0', positions: [] };
const CONVERSATION = '0b3c4a2e-5f6d-4e7a-8b9c-0d1e2f3a4b5c';
const drafted: ChatStreamEvent[] = [
  { type: 'tool', name: 'order_draft', summary: 'BUY 0.01 BTCUSDT @ 95,000' },
  { type: 'draft', draft: buyDraft },
  { type: 'delta', text: 'I prepared a limit buy. Review it in the ticket.' },
  { type: 'done', conversationId: CONVERSATION, messageId: 2, mode: 'builtin' },
];

function serve() {
  const routes: Record<string, (init?: RequestInit) => Response> = {
    '/api/market/symbols': () => jsonResponse(symbols),
    '/api/market/prices': () => jsonResponse(prices),
    '/api/market/status': () => jsonResponse(status),
    '/api/trading/fees': () => jsonResponse(rates),
    '/api/portfolio': () => jsonResponse(portfolio),
    '/api/ai/conversations': () => jsonResponse({ conversations: [], nextCursor: null }),
    '/api/ai/chat': (init) => sseReply(drafted, { signal: init?.signal }),
  };
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => routes[String(input).split('?')[0]!]?.(init) ?? jsonResponse(problem(404, 'NOT_FOUND'), 404));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const tradingPosts = (fetchMock: ReturnType<typeof serve>) =>
  fetchMock.mock.calls.filter(([path, init]) => init?.method === 'POST' && String(path).startsWith('/api/trading/'));

async function expectTicketHoldsDraft() {
  const limit = await screen.findByLabelText<HTMLInputElement>('Limit price (USDT)', { selector: 'input' }, { timeout: 10_000 });
  expect(limit.value, 'the limit price comes from the draft').toBe('95000');
  expect(screen.getByLabelText<HTMLInputElement>('Amount (BTC)', { selector: 'input' }).value, 'the amount comes from the draft').toBe('0.01');
}

describe('an assistant order draft opens the order ticket', { timeout: 30_000 }, () => {
  beforeAll(() => Promise.all([import('./trade-page'), import('./ai-assistant-page')]), 60_000);
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when the Trade page drawer drafts an order and the user reviews it, then the drawer closes, the ticket is filled and only the ticket’s own confirmation would place it', async () => {
    const fetchMock = serve();
    renderApp({ path: '/trade/BTCUSDT', session: signedInSession() });

    fireEvent.click(await screen.findByRole('button', { name: 'Ask AI' }, { timeout: 10_000 }));
    const drawer = await screen.findByRole('dialog', { name: 'Assistant · BTCUSDT' });
    const suggestions = within(drawer).getByRole('list', { name: 'Suggested questions' });
    expect(within(suggestions).getByRole('button', { name: 'What is the price of BTC now?' }), 'suggestions name the coin on screen').toBeTruthy();

    fireEvent.click(within(suggestions).getByRole('button', { name: 'Draft an order to buy 0.01 BTC' }));
    const review = await within(drawer).findByRole('button', { name: 'Review in order ticket' });
    const [, init] = fetchMock.mock.calls.find(([path]) => String(path) === '/api/ai/chat')!;
    expect(JSON.parse(String(init?.body))).toMatchObject({ message: 'Draft an order to buy 0.01 BTC', symbol: 'BTCUSDT' });

    await act(async () => fireEvent.click(review));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Assistant · BTCUSDT' })).toBeNull());
    await expectTicketHoldsDraft();
    expect(tradingPosts(fetchMock), 'nothing was placed by the assistant').toEqual([]);

    const buy = screen.getByRole<HTMLButtonElement>('button', { name: 'Buy BTC' });
    await waitFor(() => expect(buy.disabled).toBe(false), { timeout: 10_000 });
    fireEvent.click(buy);
    expect(await screen.findByRole('dialog', { name: 'Confirm your order' }), 'the ticket asks for its usual confirmation').toBeTruthy();
    expect(tradingPosts(fetchMock), 'still nothing placed before the user confirms').toEqual([]);
  });

  it('when the AI page drafts an order and the user reviews it, then the Trade page of that symbol opens with the ticket filled', async () => {
    const fetchMock = serve();
    const { router } = renderApp({ path: '/ai', session: signedInSession() });
    fireEvent.change(await screen.findByLabelText('Your question', undefined, { timeout: 10_000 }), { target: { value: 'Buy 0.01 BTC at 95000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Review in order ticket' })));

    await waitFor(() => expect(router.state.location.pathname).toBe('/trade/BTCUSDT'));
    await expectTicketHoldsDraft();
    expect(tradingPosts(fetchMock)).toEqual([]);
  });

  it('when a draft spends USDT on a market buy, then the ticket takes the amount in USDT; a stop order keeps its trigger price', () => {
    const quote: ChatOrderDraft = { side: 'BUY', request: { symbol: 'ETHUSDT', type: 'MARKET', quoteAmount: '100' }, estimate: null, problems: [] };
    expect(ticketDraftOf(quote)).toEqual({ side: 'BUY', type: 'MARKET', unit: 'QUOTE', amount: '100', price: '', stopPrice: '', timeInForce: 'GTC' });
    const stop: ChatOrderDraft = { side: 'SELL', request: { symbol: 'BTCUSDT', type: 'STOP_LOSS', quantity: '0.5', stopPrice: '90000' }, estimate: null, problems: [] };
    expect(ticketDraftOf(stop)).toEqual({ side: 'SELL', type: 'STOP_LOSS', unit: 'BASE', amount: '0.5', price: '', stopPrice: '90000', timeInForce: 'GTC' });
  });
});
