import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Order, OrdersResponse, Portfolio, PricesResponse, SymbolsResponse, TradeHistoryResponse } from '@cryptosim/contracts';
import { createFormatter } from '../src/lib/i18n/format';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow, screenshot, VIEWPORTS, type ViewportName } from './support/screenshots';
import { apiGet, chooseOption, lastPriceText, readToast, submitOrder, waitForPriceChange } from './support/trade-helpers';

const chromium = chromiumAvailability();
const SYMBOL = 'BTCUSDT';
/** The app's own English formatting: what the screen must show for the API's exact values. */
const en = createFormatter('en');
const fillToast = (verb: 'Bought' | 'Sold', o: Order) => `${verb} ${en.quantity(o.filledQuantity)} BTC at ${en.price(o.avgFillPrice ?? '')} (fee ${en.preciseMoney(o.fee)}).`;

describe.skipIf(!chromium.ok)('web app in Chromium against the real server', () => {
  const app = useE2eApp();

  /** Every page: no serious/critical axe violation and a screenshot, at desktop and phone size. */
  async function auditPage(name: string, path: string, ready: string, settled?: (page: Page) => Promise<unknown>): Promise<void> {
    for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
      await app.page.setViewportSize(VIEWPORTS[viewport]);
      await app.page.goto(app.url(path));
      await app.page.getByRole('heading', { level: 1, name: ready }).waitFor();
      await settled?.(app.page);
      await app.page.waitForLoadState('networkidle');
      expect(await seriousViolations(app.page), `axe: serious/critical violations on ${path} (${viewport})`).toEqual([]);
      if (viewport === 'phone') expect(await horizontalOverflow(app.page), `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
      await screenshot(app.page, name, viewport);
    }
    await app.page.setViewportSize(VIEWPORTS.desktop);
  }

  it('when signed out, then login and register pass axe at both sizes', async () => {
    await auditPage('login', '/login', 'Log in');
    await auditPage('register', '/register', 'Create an account');
  });

  it('when a user registers and trades, then prices move, orders fill and cancel, and the portfolio and history show it', async () => {
    const started = Date.now();
    // Step times in the log show where a slow or stuck run spends its time.
    const mark = (step: string) => console.log(`[web-e2e] ${step} +${Date.now() - started} ms`);
    await registerUser(app, 'e2e');

    mark('registered');
    // Live price: the ticker on the trade page changes without a reload.
    await app.page.goto(app.url(`/trade/${SYMBOL}`));
    await app.page.locator('dt:text-is("Last price") + dd').waitFor();
    const first = await lastPriceText(app.page);
    const moved = await waitForPriceChange(app.page, first);
    expect(moved, 'the simulator price moved on screen').not.toBe(first);

    mark('price moved');
    // Market buy of 0.01 BTC.
    await app.page.getByLabel('Amount (BTC)').fill('0.01');
    await app.page.getByText('Total to pay').waitFor();
    const bought = await submitOrder(app.page, 'Buy BTC', 'Confirm buy');
    const [buyOrder] = (await apiGet<OrdersResponse>(app.page, '/api/trading/orders?status=all')).orders;
    expect([buyOrder?.side, buyOrder?.type, buyOrder?.status, buyOrder?.filledQuantity]).toEqual(['BUY', 'MARKET', 'FILLED', '0.01']);
    expect(bought, 'the toast shows the fill price and fee the API recorded').toBe(fillToast('Bought', buyOrder!));

    mark('market buy filled');
    // The portfolio shows the position with its P&L.
    await app.page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Portfolio' }).click();
    const holding = app.page.getByRole('region', { name: 'Holdings' }).getByRole('row').filter({ hasText: SYMBOL });
    await holding.waitFor();
    const cells = await holding.getByRole('cell').allInnerTexts();
    // Tables show prices at the symbol's tick size and quantities at its step size.
    const rules = (await apiGet<SymbolsResponse>(app.page, '/api/market/symbols')).symbols.find((s) => s.symbol === SYMBOL)!;
    expect(cells[1], 'quantity held').toBe(en.quantity('0.01', rules.stepSize));
    // The row is valued at the live price it shows, which keeps moving; the rest is the API's
    // position: its average price, and the unrealized P&L at the shown price from it.
    const [position] = (await apiGet<Portfolio>(app.page, '/api/portfolio')).positions;
    const [, , avgShown, priceShown, , pnlShown, realizedShown] = cells;
    expect(avgShown, 'average price: the API position\'s').toBe(en.price(position!.avgPrice, rules.tickSize));
    expect(realizedShown, 'realized P&L: the API position\'s').toBe(en.signedMoney(position!.realizedPnl));
    const shownPrice = new Decimal(priceShown!.replace(/,/g, ''));
    const avg = new Decimal(position!.avgPrice);
    const unrealized = shownPrice.minus(avg).times(position!.quantity);
    const percent = shownPrice.minus(avg).div(avg).times(100);
    expect(pnlShown, `unrealized P&L at the shown ${priceShown}`).toBe(`${en.signedMoney(unrealized.toFixed())} (${en.percent(percent.toFixed())})`);

    mark('portfolio shows the position');
    // A limit buy 10 % under the market rests, then is canceled.
    await app.page.goto(app.url(`/trade/${SYMBOL}`));
    const [{ symbols }, { prices }] = await Promise.all([
      apiGet<SymbolsResponse>(app.page, '/api/market/symbols'),
      apiGet<PricesResponse>(app.page, `/api/market/prices?symbols=${SYMBOL}`),
    ]);
    const tick = symbols.find((s) => s.symbol === SYMBOL)!.tickSize;
    const decimals = tick.includes('.') ? tick.split('.')[1]!.replace(/0+$/, '').length : 0;
    const limit = (Number(prices[0]!.price) * 0.9).toFixed(decimals);
    await chooseOption(app.page, 'Order type', 'Limit');
    await app.page.getByLabel('Limit price (USDT)').fill(limit);
    await app.page.getByLabel('Amount (BTC)').fill('0.01');
    const placed = await submitOrder(app.page, 'Buy BTC', 'Confirm buy');
    expect(placed).toBe('Limit order placed: Buy 0.01 BTC.');
    const openOrders = app.page.getByRole('region', { name: 'Open orders' });
    const cancel = openOrders.getByRole('button', { name: /^Cancel Buy Limit order \d+$/ });
    await cancel.waitFor();
    await cancel.click();
    expect(await readToast(app.page)).toMatch(/^Order \d+ canceled; its reserved funds are free again\.$/);
    await app.page.getByText('No open orders.').waitFor();

    mark('limit order placed and canceled');
    // Sell everything held, with the 100 % button.
    await chooseOption(app.page, 'Order type', 'Market');
    await app.page.getByRole('group', { name: 'Side' }).getByRole('button', { name: 'Sell' }).click();
    await app.page.getByRole('button', { name: '100% of available' }).click();
    expect(await app.page.getByLabel('Amount (BTC)').inputValue()).toBe('0.01');
    const sold = await submitOrder(app.page, 'Sell BTC', 'Confirm sell');
    const [sellOrder] = (await apiGet<OrdersResponse>(app.page, '/api/trading/orders?status=all')).orders;
    expect([sellOrder?.side, sellOrder?.type, sellOrder?.status]).toEqual(['SELL', 'MARKET', 'FILLED']);
    expect(sold, 'the toast shows the fill price and fee the API recorded').toBe(fillToast('Sold', sellOrder!));

    mark('sold');
    // History: both fills on the portfolio page; the API has the canceled order too.
    await app.page.goto(app.url('/portfolio'));
    const history = app.page.getByRole('region', { name: 'Trade history' });
    await history.getByRole('row').nth(2).waitFor();
    const rows = await history.getByRole('row').allInnerTexts();
    expect(rows.slice(1).map((r) => r.split('\t').slice(1, 3).join(' ')), 'fills newest first').toEqual([`${SYMBOL} Sell`, `${SYMBOL} Buy`]);
    // Price, quantity, total, fee and realized P&L of each fill row are the API's, exactly.
    const { transactions } = await apiGet<TradeHistoryResponse>(app.page, '/api/trading/history');
    expect(rows.slice(1).map((r) => r.split('\t').slice(3)), 'fill rows match the API').toEqual(
      transactions.map((f) => [en.price(f.price, rules.tickSize), en.quantity(f.quantity, rules.stepSize), en.money(f.totalAmount), en.preciseMoney(f.fee), f.realizedPnl ? en.signedMoney(f.realizedPnl) : '—']),
    );
    const all = await apiGet<OrdersResponse>(app.page, '/api/trading/orders?status=all');
    expect(all.orders.map((o) => `${o.side} ${o.type} ${o.status}`)).toEqual(['SELL MARKET FILLED', 'BUY LIMIT CANCELED', 'BUY MARKET FILLED']);
    expect(await app.page.getByRole('region', { name: 'Holdings' }).getByText('No coins held.', { exact: false }).count()).toBe(1);
  });

  it('when signed in, then every page passes axe and is screenshotted at desktop and phone size', async () => {
    await auditPage('dashboard', '/', 'Markets');
    // Audited once the balances are in: before that the ticket is (rightly) disabled. On a phone
    // the ticket waits, mounted but hidden, in its bottom sheet.
    await auditPage('trade', `/trade/${SYMBOL}`, `Trade ${SYMBOL}`, (p) => p.locator('button[aria-label="25% of available"]:enabled').waitFor({ state: 'attached' }));
    // A table row on a desktop, a card on a phone.
    await auditPage('portfolio', '/portfolio', 'Portfolio', (p) =>
      p.getByRole('region', { name: 'Trade history' }).getByRole('row').nth(1).or(p.getByRole('list', { name: 'Trade history' }).getByRole('listitem').first()).waitFor(),
    );
    await auditPage('settings', '/settings', 'Settings');
    await auditPage('status', '/status', 'System status');
  });

  it('when Korean is chosen, then the visible text switches to Korean', async () => {
    await app.page.setViewportSize(VIEWPORTS.desktop);
    await app.page.goto(app.url('/portfolio'));
    await app.page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    const before = await app.page.locator('main, #main-content').first().innerText();
    await app.page.getByRole('button', { name: '한국어' }).click();
    await app.page.getByRole('heading', { level: 1, name: '포트폴리오' }).waitFor();
    const after = await app.page.locator('main, #main-content').first().innerText();
    expect(after).not.toBe(before);
    expect(after).toContain('거래 내역');
    expect(await app.page.getByRole('navigation', { name: '주 메뉴' }).innerText(), 'navigation in Korean').toContain('포트폴리오');
    expect(await app.page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await screenshot(app.page, 'portfolio-ko', 'desktop');
  });
});
