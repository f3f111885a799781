import { describe, expect, it } from 'vitest';
import type { OrdersResponse, PricesResponse, SymbolsResponse } from '@cryptosim/contracts';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { horizontalOverflow, SCREENSHOT_DIR, VIEWPORTS } from './support/screenshots';
import { apiGet, chooseOption } from './support/trade-helpers';

const chromium = chromiumAvailability();
const SYMBOL = 'DOGEUSDT';
const PHONE = VIEWPORTS.phone;
const WIDE = { width: 1440, height: 900 };

/** Pages of a signed-in user, each with the h1 that says it has rendered. */
const PAGES = [
  ['dashboard', '/', 'Markets'],
  ['trade', `/trade/${SYMBOL}`, `Trade ${SYMBOL}`],
  ['portfolio', '/portfolio', 'Portfolio'],
  ['settings', '/settings', 'Settings'],
  ['status', '/status', 'System status'],
] as const;

describe.skipIf(!chromium.ok)('phone layout, console and recovery in Chromium against the real server', () => {
  const app = useE2eApp({ watchConsole: true, viewport: PHONE });

  it('when the icons are asked for, then the favicon, apple-touch-icon and web manifest are served', async () => {
    for (const [path, type] of [['/favicon.ico', /image\//], ['/favicon.svg', /image\/svg/], ['/apple-touch-icon.png', /image\/png/], ['/manifest.webmanifest', /json|manifest/]] as const) {
      const response = await fetch(app.url(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(type);
    }
    const manifest = (await (await fetch(app.url('/manifest.webmanifest'))).json()) as { icons: Array<{ src: string }> };
    for (const icon of manifest.icons) expect((await fetch(app.url(icon.src))).status, icon.src).toBe(200);
  });

  it('when a signed-in user has an open order, then at 360×740 no page scrolls sideways, Cancel and the toast fit, and the console stays clean', async () => {
    await registerUser(app, 'phone');

    await app.page.goto(app.url(`/trade/${SYMBOL}`));
    // On a phone the ticket opens from the fixed Buy/Sell bar as a bottom sheet.
    await app.page.getByRole('region', { name: `Trade ${SYMBOL}` }).getByRole('button', { name: 'Buy DOGE' }).click();
    const sheet = app.page.getByRole('dialog', { name: 'Place an order' });
    await sheet.locator('button[aria-label="25% of available"]:enabled').waitFor();
    const [{ symbols }, { prices }] = await Promise.all([
      apiGet<SymbolsResponse>(app.page, '/api/market/symbols'),
      apiGet<PricesResponse>(app.page, `/api/market/prices?symbols=${SYMBOL}`),
    ]);
    const rules = symbols.find((s) => s.symbol === SYMBOL)!;
    const decimals = rules.tickSize.includes('.') ? rules.tickSize.split('.')[1]!.replace(/0+$/, '').length : 0;
    const limit = (Number(prices[0]!.price) * 0.8).toFixed(decimals);
    await chooseOption(app.page, 'Order type', 'Limit');
    await app.page.getByLabel('Limit price (USDT)').fill(limit);
    await app.page.getByLabel('Amount (DOGE)').fill('100');

    // The toast: read while on screen, it must fit the 360 px viewport.
    await app.page.getByRole('button', { name: 'Buy DOGE', exact: true }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Confirm your order' });
    await dialog.getByRole('button', { name: 'Confirm buy' }).click();
    const toast = app.page.locator('.MuiSnackbar-root').filter({ has: app.page.locator('.MuiAlert-message') });
    await toast.waitFor();
    const toastBox = await toast.boundingBox();
    expect(toastBox, 'the toast is laid out').not.toBeNull();
    expect(toastBox!.x, 'toast starts on screen').toBeGreaterThanOrEqual(0);
    expect(toastBox!.x + toastBox!.width, 'toast ends on screen').toBeLessThanOrEqual(PHONE.width);
    // A success toast hides itself after 6 s; on a loaded machine it may be gone before the click.
    await toast.getByRole('button', { name: 'Close' }).click({ timeout: 2_000 }).catch(() => undefined);
    await sheet.getByRole('button', { name: 'Close the order ticket' }).click();
    await sheet.waitFor({ state: 'hidden' });

    const cancel = app.page.getByRole('region', { name: 'Open orders' }).getByRole('button', { name: /^Cancel Buy Limit order \d+$/ });
    await cancel.waitFor();
    await cancel.scrollIntoViewIfNeeded();
    const cancelBox = await cancel.boundingBox();
    expect(cancelBox!.x + cancelBox!.width, 'Cancel is within the 360 px screen without scrolling the table').toBeLessThanOrEqual(PHONE.width);
    expect(await app.page.getByRole('region', { name: 'Open orders' }).getByText(/^Trigger|^0\./).first().innerText(), 'the limit shows at the tick size').toMatch(new RegExp(`\\.\\d{${decimals}}$`));

    for (const [name, pagePath, heading] of PAGES) {
      for (const [size, viewport] of [['phone', PHONE], ['wide', WIDE]] as const) {
        await app.page.setViewportSize(viewport);
        await app.page.goto(app.url(pagePath));
        await app.page.getByRole('heading', { level: 1, name: heading }).waitFor();
        if (name === 'portfolio') await app.page.getByRole('region', { name: 'Holdings' }).waitFor();
        await app.page.waitForLoadState('networkidle').catch(() => undefined);
        if (size === 'phone') expect(await horizontalOverflow(app.page), `${pagePath} scrolls sideways at 360 px with an open order`).toBeLessThanOrEqual(0);
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        await app.page.screenshot({ path: path.join(SCREENSHOT_DIR, `layout-${name}-${viewport.width}.png`), fullPage: true, animations: 'disabled' });
      }
    }
    expect(app.consoleErrors, 'browser console errors and warnings').toEqual([]);
    await app.page.setViewportSize(PHONE);
  });

  it('when a new user follows the first-trade guide on a phone, then the guide fills the ticket in the bottom sheet, the buy fills and the guide says so', async () => {
    await app.page.setViewportSize(PHONE);
    await app.page.goto(app.url('/'));
    await app.page.evaluate(() => localStorage.removeItem('cryptosim.session'));
    await registerUser(app, 'guide');
    await app.page.goto(app.url('/trade/BTCUSDT'));
    const guide = app.page.getByRole('region', { name: 'Your first trade in three steps' });
    await guide.getByRole('button', { name: 'Fill the ticket with 100.00 USDT' }).click();
    const sheet = app.page.getByRole('dialog', { name: 'Place an order' });
    await sheet.waitFor();
    expect(await sheet.getByLabel('Amount (USDT)').inputValue(), 'the guide filled a 100 USDT market buy').toBe('100');
    const sheetBox = await sheet.boundingBox();
    expect(sheetBox!.y + sheetBox!.height, 'the sheet rises from the bottom edge').toBeGreaterThanOrEqual(PHONE.height - 1);
    await sheet.getByRole('button', { name: 'Buy BTC', exact: true }).click();
    await app.page.getByRole('dialog', { name: 'Confirm your order' }).getByRole('button', { name: 'Confirm buy' }).click();
    const toast = app.page.locator('.MuiSnackbar-root').filter({ has: app.page.locator('.MuiAlert-message') });
    expect(await toast.locator('.MuiAlert-message').innerText()).toMatch(/^Bought /);
    await sheet.getByRole('button', { name: 'Close the order ticket' }).click();
    await guide.getByText('Your BTC arrived').waitFor();
    const { orders } = await apiGet<OrdersResponse>(app.page, '/api/trading/orders?status=all');
    expect(orders.map((o) => [o.side, o.type, o.status, o.quoteAmount])).toEqual([['BUY', 'MARKET', 'FILLED', '100']]);
    expect(await horizontalOverflow(app.page), 'the trade page with the guide and bar scrolls sideways at 360 px').toBeLessThanOrEqual(0);
    expect(app.consoleErrors, 'browser console errors and warnings').toEqual([]);
  });

  it('when a page chunk fails to load during an outage, then Retry after the server is back shows the page', async () => {
    const fresh = await app.browser.context.newPage();
    fresh.setDefaultTimeout(20_000);
    let down = true;
    await fresh.route(/\/assets\/status-page-[^/]+\.js$/, (route) => (down ? route.abort('connectionrefused') : route.continue()));
    await fresh.goto(app.url('/'));
    await fresh.getByRole('heading', { level: 1, name: 'Markets' }).waitFor();
    await fresh.goto(app.url('/status'), { waitUntil: 'domcontentloaded' });
    await fresh.getByText('This section could not be shown.').waitFor();
    down = false;
    await fresh.getByRole('button', { name: 'Retry' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'System status' }).waitFor();
    await fresh.close();
  });
});
