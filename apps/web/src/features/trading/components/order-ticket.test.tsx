import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FeeRatesResponse, Order, PlaceOrderResponse, SymbolInfo } from '@cryptosim/contracts';
import { AppProvider } from '@/app/provider';
import { createAppStore } from '@/app/store';
import type { Language } from '@/lib/i18n';
import { FakeWebSocket } from '@/testing/fake-web-socket';
import { fieldMessage } from '@/testing/field-message';
import { jsonResponse, problem, signedInSession } from '@/testing/render-app';
import { stubFetch, type FetchRoute } from '@/testing/stub-fetch';
import { OrderTicket } from './order-ticket';

const BTC: SymbolInfo = {
  symbol: 'BTCUSDT', baseAsset: 'BTC', quoteAsset: 'USDT', status: 'TRADING',
  tickSize: '0.01', stepSize: '0.00001', minQty: '0.00001', minNotional: '5',
};

const DEFAULT_RATES: FeeRatesResponse = { makerFeeRate: '0.001', takerFeeRate: '0.001', stopSlippageCap: '0.05' };

/** A fetch that answers GET /api/trading/fees with `rates` and every other path from `routes` (else 404). */
function serve(rates: FeeRatesResponse = DEFAULT_RATES, routes: Record<string, FetchRoute> = {}) {
  return stubFetch({ ...routes, '/api/trading/fees': () => jsonResponse(rates) });
}

function renderTicket({ language = 'en' as Language, cash = '1001', coin = '0.25', rates = DEFAULT_RATES } = {}) {
  if (!vi.isMockFunction(globalThis.fetch)) serve(rates);
  const store = createAppStore({ preferences: { language, theme: 'light' }, session: signedInSession() });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <AppProvider store={store} queryClient={queryClient} webSocket={FakeWebSocket}>
      <OrderTicket rules={BTC} marketPrice="50000" cash={cash} coin={coin} />
    </AppProvider>,
  );
}

const amountField = (asset = 'BTC') => screen.getByLabelText(`Amount (${asset})`, { selector: 'input' });
const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });
const preview = () => within(screen.getByLabelText('Order preview'));

const filledOrder = (patch: Partial<Order> = {}): Order => ({
  id: 41, clientOrderId: 'web-x', symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', status: 'FILLED', quantity: '0.01', quoteAmount: null,
  price: null, stopPrice: null, timeInForce: null, triggeredAt: null, filledQuantity: '0.01', avgFillPrice: '50010', fee: '0.5001', rejectReason: null, run: 1,
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', ...patch,
});

describe('order ticket', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('when an amount off the lot step is typed, then the field explains the step size', () => {
    renderTicket();
    type(amountField(), '0.000015');
    expect(fieldMessage('Amount (BTC)')).toBe('The amount must be a multiple of the step size 0.00001.');
  });

  it('when a limit price off the tick is typed, then the price field explains the tick size', () => {
    renderTicket();
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Order type' }));
    fireEvent.click(screen.getByRole('option', { name: 'Limit' }));
    type(screen.getByLabelText('Limit price (USDT)', { selector: 'input' }), '50000.001');
    expect(fieldMessage('Limit price (USDT)')).toBe('The price must be a multiple of the tick size 0.01.');
  });

  it('when the order value is below the minimum notional, then the amount field says so in the reader language', () => {
    renderTicket({ language: 'ko' });
    type(screen.getByLabelText('수량 (BTC)', { selector: 'input' }), '0.00009');
    expect(fieldMessage('수량 (BTC)')).toBe('주문 금액은 최소 5.00 USDT 이상이어야 합니다.');
  });

  it('when the buy costs more than the cash, then a warning names both amounts to 8 decimals', () => {
    renderTicket({ cash: '100' });
    type(amountField(), '0.002');
    expect(screen.getByRole('alert').textContent).toBe('Not enough USDT: the order needs 100.10 USDT including the fee, 100.00 USDT is available.');
  });

  it('when a percentage button is pressed, then the amount uses that share of the cash with the fee on top', () => {
    renderTicket();
    fireEvent.click(screen.getByRole('button', { name: '50% of available' }));
    expect((amountField() as HTMLInputElement).value, '1001 × 0.5 / 1.001 / 50000').toBe('0.01');
    fireEvent.click(screen.getByRole('button', { name: 'Sell' }));
    fireEvent.click(screen.getByRole('button', { name: '100% of available' }));
    expect((amountField() as HTMLInputElement).value, 'the whole free position').toBe('0.25');
  });

  it('when an amount is typed, then the preview shows the exact fee on top and the total to the cent, exact on hover', () => {
    renderTicket();
    type(amountField(), '0.00123');
    expect(preview().getByText('Fee (0.1%)').nextElementSibling?.textContent).toBe('≈ 0.0615 USDT');
    const total = preview().getByText('Total to pay').nextElementSibling;
    expect(total?.textContent).toBe('≈ 61.56 USDT');
    expect(total?.getAttribute('title')).toBe('61.5615 USDT');
  });

  it('when a sell stop is typed above the live price, then the trigger field explains it would fill at once and nothing can be sent', () => {
    renderTicket();
    fireEvent.click(screen.getByRole('button', { name: 'Sell' }));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Order type' }));
    fireEvent.click(screen.getByRole('option', { name: 'Stop-loss' }));
    type(screen.getByLabelText('Trigger price (USDT)', { selector: 'input' }), '52000');
    type(amountField(), '0.1');
    expect(fieldMessage('Trigger price (USDT)')).toBe(
      'The price is already at or below this level (50,000.00), so it would fill at once at market. Enter a trigger below the price.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sell BTC' }));
    expect(screen.queryByRole('dialog'), 'no confirmation for an order the server refuses').toBeNull();
  });

  it('when a stop is confirmed, then its price reads as the trigger and every amount is marked as an estimate', async () => {
    renderTicket();
    fireEvent.click(screen.getByRole('button', { name: 'Sell' }));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Order type' }));
    fireEvent.click(screen.getByRole('option', { name: 'Stop-loss' }));
    type(screen.getByLabelText('Trigger price (USDT)', { selector: 'input' }), '45000');
    type(amountField(), '0.1');
    fireEvent.click(screen.getByRole('button', { name: 'Sell BTC' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Confirm your order' }));
    expect(dialog.getByText('Trigger price').nextElementSibling?.textContent).toBe('45,000.00');
    expect(dialog.getByText('You receive').nextElementSibling?.textContent).toBe('≈ 4,495.50 USDT');
    expect(dialog.getByText(/marks an estimate/)).toBeTruthy();
  });

  it('when the server charges 0.075 % taker, then a market order previews that fee', async () => {
    renderTicket({ rates: { makerFeeRate: '0.0002', takerFeeRate: '0.00075', stopSlippageCap: '0.05' } });
    type(amountField(), '0.01');
    const label = await preview().findByText('Fee (0.075%)');
    expect(label.nextElementSibling?.textContent, '500 USDT × 0.00075').toBe('≈ 0.375 USDT');
    expect(preview().getByText('Total to pay').nextElementSibling?.textContent).toBe('≈ 500.38 USDT');
  });

  it('when a limit buy below the market will rest, then its preview uses the 0.02 % maker rate', async () => {
    renderTicket({ rates: { makerFeeRate: '0.0002', takerFeeRate: '0.00075', stopSlippageCap: '0.05' } });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Order type' }));
    fireEvent.click(screen.getByRole('option', { name: 'Limit' }));
    type(screen.getByLabelText('Limit price (USDT)', { selector: 'input' }), '40000');
    type(amountField(), '0.01');
    const label = await preview().findByText('Fee (0.02%)');
    expect(label.nextElementSibling?.textContent, '400 USDT × 0.0002').toBe('0.08 USDT');
  });

  it('when 100 % is pressed for a stop buy, then the amount leaves room for the slippage the server reserves for', async () => {
    renderTicket({ cash: '1001', rates: { makerFeeRate: '0.0002', takerFeeRate: '0.00075', stopSlippageCap: '0.1' } });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Order type' }));
    fireEvent.click(screen.getByRole('option', { name: 'Stop-loss' }));
    type(screen.getByLabelText('Trigger price (USDT)', { selector: 'input' }), '60000');
    await preview().findByText('Fee (0.075%)'); // the served rates, not the defaults
    fireEvent.click(screen.getByRole('button', { name: '100% of available' }));
    expect((amountField() as HTMLInputElement).value, '1001 / (60000 × 1.1 × 1.00075)').toBe('0.01515');
    expect(screen.queryByRole('alert'), 'no warning at 100 %').toBeNull();
    type(amountField(), '0.01516');
    expect(screen.getByRole('alert').textContent).toBe(
      'Not enough USDT: while it waits, the order holds 1,001.31042 USDT (the fee at the higher rate and, for a stop, the slippage allowance included), 1,001.00 USDT is available.',
    );
  });

  it('when the order is confirmed, then the POST carries the checked body and the toast reports the fill', async () => {
    const fetchMock = serve(DEFAULT_RATES, { '/api/trading/buy': () => jsonResponse({ order: filledOrder(), fills: [] } satisfies PlaceOrderResponse, 201) });
    renderTicket();
    type(amountField(), '0.01');
    fireEvent.click(screen.getByRole('button', { name: 'Buy BTC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm your order' });
    const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST');
    expect(posts(), 'nothing is sent before the confirmation').toEqual([]);
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm buy' })));

    expect(await screen.findByText('Bought 0.01 BTC at 50,010.00 (fee 0.5001 USDT).')).toBeTruthy();
    expect(posts(), 'one order sent').toHaveLength(1);
    const [path, init] = posts()[0]!;
    expect(path).toBe('/api/trading/buy');
    const body = JSON.parse(String(init?.body)) as Record<string, string>;
    expect(body).toMatchObject({ symbol: 'BTCUSDT', type: 'MARKET', quantity: '0.01' });
    expect(body.clientOrderId, 'an idempotency key per submission').toMatch(/^web-[a-f0-9]{24}$/);
    expect((amountField() as HTMLInputElement).value, 'the amount is cleared after the order').toBe('');
  });

  it('when the server refuses the order, then its problem code becomes a sentence in the toast', async () => {
    serve(DEFAULT_RATES, { '/api/trading/buy': () => jsonResponse(problem(400, 'INSUFFICIENT_BALANCE'), 400) });
    renderTicket();
    type(amountField(), '0.01');
    fireEvent.click(screen.getByRole('button', { name: 'Buy BTC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm your order' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm buy' })));
    expect((await screen.findByRole('alert')).textContent).toContain('Not enough USDT for this order and its fee.');
  });

  it('when the amount field is shown, then its unit is named once, in the label, not again inside the field', () => {
    renderTicket();
    const text = amountField().closest('.MuiInputBase-root')?.textContent ?? '';
    expect(text.match(/BTC/g), `"${text}": no "BTC" suffix after the outline's "Amount (BTC)"`).toHaveLength(1);
  });

  it('when submitted empty, then the amount is marked required and no dialog opens', () => {
    renderTicket();
    fireEvent.click(screen.getByRole('button', { name: 'Buy BTC' }));
    expect(fieldMessage('Amount (BTC)')).toBe('Required.');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('order ticket — stop-limit, post-only and time in force', { timeout: 20_000 }, () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });
  const chooseType = (name: string) => {
    fireEvent.mouseDown(screen.getByRole('combobox', { name: /Order type|주문 유형/ }));
    fireEvent.click(screen.getByRole('option', { name }));
  };

  it('when a stop-limit is chosen, then trigger, limit price and time in force are asked for, and IOC reaches the POST body', async () => {
    const fetchMock = serve(DEFAULT_RATES, { '/api/trading/sell': () => jsonResponse({ order: filledOrder({ side: 'SELL', type: 'STOP_LOSS_LIMIT', status: 'NEW' }), fills: [] }, 201) });
    renderTicket();
    fireEvent.click(screen.getByRole('button', { name: 'Sell' }));
    chooseType('Stop-limit');
    expect(fieldMessage('Trigger price (USDT)')).toBe('Once the price falls to this level, a sell at your limit price is placed (set it below the price).');
    type(screen.getByLabelText('Trigger price (USDT)', { selector: 'input' }), '49000');
    type(screen.getByLabelText('Limit price (USDT)', { selector: 'input' }), '48900');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Time in force' }));
    fireEvent.click(screen.getByRole('option', { name: 'Immediate or cancel (IOC)' }));
    expect(screen.getByText('Fills whole at once, or expires; nothing waits.')).toBeTruthy();
    type(amountField(), '0.1');
    fireEvent.click(screen.getByRole('button', { name: 'Sell BTC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm your order' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm sell' })));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({ type: 'STOP_LOSS_LIMIT', stopPrice: '49000', price: '48900', timeInForce: 'IOC', quantity: '0.1' });
  });

  it('when a post-only buy is priced at the market, then the limit field says it would take, in Korean too', () => {
    renderTicket({ language: 'ko' });
    chooseType('메이커 전용 지정가');
    expect(screen.queryByRole('combobox', { name: '주문 유효 조건' }), 'a post-only order has no time in force').toBeNull();
    type(screen.getByLabelText('지정 가격 (USDT)', { selector: 'input' }), '50000');
    expect(fieldMessage('지정 가격 (USDT)')).toBe('현재가(50,000.00) 이상이면 즉시 테이커로 매수됩니다. 메이커 전용 매수는 현재가보다 낮아야 합니다.');
  });

  it('when the server answers an IOC order EXPIRED, then the toast says it expired and nothing traded', async () => {
    serve(DEFAULT_RATES, {
      '/api/trading/buy': () => jsonResponse({ order: filledOrder({ type: 'LIMIT', status: 'EXPIRED', timeInForce: 'IOC', filledQuantity: '0', avgFillPrice: null }), fills: [] }, 201),
    });
    renderTicket();
    chooseType('Limit');
    type(screen.getByLabelText('Limit price (USDT)', { selector: 'input' }), '40000');
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Time in force' }));
    fireEvent.click(screen.getByRole('option', { name: 'Immediate or cancel (IOC)' }));
    type(amountField(), '0.01');
    fireEvent.click(screen.getByRole('button', { name: 'Buy BTC' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm your order' });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm buy' })));
    expect(await screen.findByText('The order could not fill at once and expired (IOC); nothing was traded.')).toBeTruthy();
  });
});
