import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { OrdersResponse, PlaceOrderResponse, PricesResponse, SymbolsResponse } from '@cryptosim/contracts';
import { createFormatter } from '../src/lib/i18n/format';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow, screenshot } from './support/screenshots';
import { apiGet, apiPost, chooseOption, readToast } from './support/trade-helpers';

const chromium = chromiumAvailability();
const SYMBOL = 'BTCUSDT';
const SIZES = { desktop: { width: 1280, height: 800 }, wide: { width: 1440, height: 900 }, phone: { width: 360, height: 740 } } as const;
const en = createFormatter('en');

describe.skipIf(!chromium.ok)('orders page in Chromium against the real server', () => {
  const app = useE2eApp();

  /** No serious axe finding and, at 360 px, no sideways scrolling, at every size. */
  async function audit(what: string, heading = 'Orders'): Promise<void> {
    for (const [name, size] of Object.entries(SIZES)) {
      await app.page.setViewportSize(size);
      await app.page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await screenshot(app.page, `orders-${what}${name === 'wide' ? '-1440' : ''}`, name === 'phone' ? 'phone' : 'desktop');
      expect(await seriousViolations(app.page), `axe: ${what} at ${name}`).toEqual([]);
      expect(await horizontalOverflow(app.page), `${what} scrolls sideways at ${name}`).toBeLessThanOrEqual(0);
    }
    await app.page.setViewportSize(SIZES.desktop);
  }

  it('when two limit orders rest, then /orders lists them, edits one\'s price by replace, cancels all, and the history shows them canceled', async () => {
    await registerUser(app, 'orders');
    await app.page.goto(app.url('/orders'));
    await app.page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();

    // Two buys far below the market: they rest whatever the simulator does meanwhile.
    const rules = (await apiGet<SymbolsResponse>(app.page, '/api/market/symbols')).symbols.find((s) => s.symbol === SYMBOL)!;
    const last = (await apiGet<PricesResponse>(app.page, '/api/market/prices')).prices.find((p) => p.symbol === SYMBOL)!.price;
    const atTick = (fraction: number) => new Decimal(last).times(fraction).toNearest(rules.tickSize, Decimal.ROUND_DOWN).toFixed();
    const placedIds: number[] = [];
    for (const price of [atTick(0.5), atTick(0.6)]) {
      const placed = await apiPost<PlaceOrderResponse>(app.page, '/api/trading/buy', { symbol: SYMBOL, type: 'LIMIT', quantity: '0.01', price });
      expect(placed.status, JSON.stringify(placed.body)).toBe(201);
      placedIds.push(placed.body.order.id);
    }

    await app.page.reload();
    const open = app.page.getByRole('list', { name: 'Open orders' });
    const card = (id: number) => open.getByRole('listitem').filter({ hasText: `Order #${id}` });
    for (const id of placedIds) await card(id).waitFor();
    expect(await open.getByRole('listitem').count()).toBe(2);
    await audit('open');

    // Edit the first order's price: one replace, the new order takes its place.
    const newPrice = atTick(0.55);
    await app.page.getByRole('button', { name: `Edit price of order #${placedIds[0]}` }).click();
    const dialog = app.page.getByRole('dialog', { name: `Edit price of order #${placedIds[0]}` });
    const field = dialog.getByLabel('New limit price (USDT)');
    await field.fill(newPrice);
    await dialog.getByRole('button', { name: 'Replace order' }).click();
    const replacedToast = await readToast(app.page);
    const afterReplace = (await apiGet<OrdersResponse>(app.page, '/api/trading/orders?status=open')).orders;
    const replacement = afterReplace.find((o) => o.replaces === placedIds[0]);
    expect(replacement, 'the new order links to the one it replaced').toBeDefined();
    expect(replacedToast).toBe(`Order #${replacement!.id} now rests at ${en.price(newPrice, rules.tickSize)}.`);
    await card(replacement!.id).filter({ hasText: en.price(newPrice, rules.tickSize) }).waitFor();
    await card(placedIds[0]!).waitFor({ state: 'detached' });
    expect(afterReplace.map((o) => o.id).sort()).toEqual([placedIds[1], replacement!.id].sort());

    // Cancel all, after a confirmation.
    await app.page.getByRole('button', { name: 'Cancel all', exact: true }).click();
    const confirm = app.page.getByRole('dialog', { name: 'Cancel all open orders?' });
    await confirm.waitFor();
    expect(await seriousViolations(app.page), 'axe: the cancel-all dialog').toEqual([]);
    await confirm.getByRole('button', { name: 'Cancel all orders' }).click();
    expect(await readToast(app.page)).toBe('2 orders canceled.');
    await app.page.getByText('You have no open orders.').waitFor();
    expect((await apiGet<OrdersResponse>(app.page, '/api/trading/orders?status=open')).orders).toEqual([]);

    // History, filtered to canceled: the replaced order and the two canceled by "Cancel all".
    await app.page.getByRole('tab', { name: 'Order history' }).click();
    await chooseOption(app.page, 'Status', 'Canceled');
    const history = app.page.getByRole('list', { name: 'Order history' });
    const expected = [replacement!.id, ...placedIds];
    await expect.poll(async () => (await history.getByRole('listitem').allInnerTexts()).length).toBe(3);
    for (const id of expected) await history.getByRole('listitem').filter({ hasText: `Order #${id}` }).filter({ hasText: 'Canceled' }).waitFor();
    await history.getByRole('listitem').filter({ hasText: `Order #${placedIds[0]}` }).filter({ hasText: `Replaced by #${replacement!.id}` }).waitFor();
    await audit('history');
  });

  it('when the page is in Korean on the dark theme, then both tabs read in Korean and pass axe without sideways scrolling', async () => {
    // A fresh user, whichever test ran before in this browser: its session and preferences are dropped first.
    await app.page.goto(app.url('/login'));
    await app.page.evaluate(() => localStorage.clear());
    await registerUser(app, 'ordersko');
    const rules = (await apiGet<SymbolsResponse>(app.page, '/api/market/symbols')).symbols.find((s) => s.symbol === SYMBOL)!;
    const last = (await apiGet<PricesResponse>(app.page, '/api/market/prices')).prices.find((p) => p.symbol === SYMBOL)!.price;
    const price = new Decimal(last).times(0.5).toNearest(rules.tickSize, Decimal.ROUND_DOWN).toFixed();
    expect((await apiPost<PlaceOrderResponse>(app.page, '/api/trading/buy', { symbol: SYMBOL, type: 'LIMIT', quantity: '0.01', price })).status).toBe(201);

    await app.page.setViewportSize(SIZES.desktop);
    await app.page.goto(app.url('/orders'));
    await app.page.getByRole('button', { name: '한국어' }).click();
    await app.page.getByRole('button', { name: '다크' }).click();
    await app.page.getByRole('list', { name: '미체결 주문' }).getByRole('listitem').waitFor();
    await app.page.getByRole('button', { name: '가격 정정' }).waitFor();
    await audit('open-ko-dark', '주문');
    await app.page.getByRole('tab', { name: '주문 내역' }).click();
    await app.page.getByRole('list', { name: '주문 내역' }).getByRole('listitem').filter({ hasText: '미체결' }).waitFor();
    await audit('history-ko-dark', '주문');
  });
});
