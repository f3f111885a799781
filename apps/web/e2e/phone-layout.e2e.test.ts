import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import type { PricesResponse, SymbolsResponse } from '@cryptosim/contracts';
import { startServerProcess, type ServerProcess } from '../../server/src/testing/server-process';
import { isExpectedAiReply, servedPaths } from './support/ai-console';
import { chromiumAvailability, launchChromium, type Browser } from './support/browser';
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
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let served: ReadonlySet<string> = new Set();
  const consoleErrors: string[] = [];
  const url = (path: string) => `${server.url}${path}`;
  const onConsole = (message: ConsoleMessage) => {
    if (isExpectedAiReply(message, served)) return;
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerProcess({ MARKET_SOURCE: 'simulator' }), launchChromium()]);
    served = await servedPaths(server.url);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
    page.on('console', onConsole);
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    await page.setViewportSize(PHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('when the icons are asked for, then the favicon, apple-touch-icon and web manifest are served', async () => {
    for (const [path, type] of [['/favicon.ico', /image\//], ['/favicon.svg', /image\/svg/], ['/apple-touch-icon.png', /image\/png/], ['/manifest.webmanifest', /json|manifest/]] as const) {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toMatch(type);
    }
    const manifest = (await (await fetch(url('/manifest.webmanifest'))).json()) as { icons: Array<{ src: string }> };
    for (const icon of manifest.icons) expect((await fetch(url(icon.src))).status, icon.src).toBe(200);
  });

  it('when a signed-in user has an open order, then at 360×740 no page scrolls sideways, Cancel and the toast fit, and the console stays clean', async () => {
    const username = `phone_${Date.now().toString(36)}`;
    await page.goto(url('/register'));
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('E-mail').fill(`${username}@example.com`);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/register'));

    await page.goto(url(`/trade/${SYMBOL}`));
    await page.locator('button[aria-label="25% of available"]:enabled').waitFor();
    const [{ symbols }, { prices }] = await Promise.all([
      apiGet<SymbolsResponse>(page, '/api/market/symbols'),
      apiGet<PricesResponse>(page, `/api/market/prices?symbols=${SYMBOL}`),
    ]);
    const rules = symbols.find((s) => s.symbol === SYMBOL)!;
    const decimals = rules.tickSize.includes('.') ? rules.tickSize.split('.')[1]!.replace(/0+$/, '').length : 0;
    const limit = (Number(prices[0]!.price) * 0.8).toFixed(decimals);
    await chooseOption(page, 'Order type', 'Limit');
    await page.getByLabel('Limit price (USDT)').fill(limit);
    await page.getByLabel('Amount (DOGE)').fill('100');

    // The toast: read while on screen, it must fit the 360 px viewport.
    await page.getByRole('button', { name: 'Buy DOGE', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm your order' });
    await dialog.getByRole('button', { name: 'Confirm buy' }).click();
    const toast = page.locator('.MuiSnackbar-root').filter({ has: page.locator('.MuiAlert-message') });
    await toast.waitFor();
    const toastBox = await toast.boundingBox();
    expect(toastBox, 'the toast is laid out').not.toBeNull();
    expect(toastBox!.x, 'toast starts on screen').toBeGreaterThanOrEqual(0);
    expect(toastBox!.x + toastBox!.width, 'toast ends on screen').toBeLessThanOrEqual(PHONE.width);
    await toast.getByRole('button', { name: 'Close' }).click();

    const cancel = page.getByRole('region', { name: 'Open orders' }).getByRole('button', { name: /^Cancel Buy Limit order \d+$/ });
    await cancel.waitFor();
    await cancel.scrollIntoViewIfNeeded();
    const cancelBox = await cancel.boundingBox();
    expect(cancelBox!.x + cancelBox!.width, 'Cancel is within the 360 px screen without scrolling the table').toBeLessThanOrEqual(PHONE.width);
    expect(await page.getByRole('region', { name: 'Open orders' }).getByText(/^Trigger|^0\./).first().innerText(), 'the limit shows at the tick size').toMatch(new RegExp(`\\.\\d{${decimals}}$`));

    for (const [name, pagePath, heading] of PAGES) {
      for (const [size, viewport] of [['phone', PHONE], ['wide', WIDE]] as const) {
        await page.setViewportSize(viewport);
        await page.goto(url(pagePath));
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        if (name === 'portfolio') await page.getByRole('region', { name: 'Holdings' }).waitFor();
        await page.waitForLoadState('networkidle').catch(() => undefined);
        if (size === 'phone') expect(await horizontalOverflow(page), `${pagePath} scrolls sideways at 360 px with an open order`).toBeLessThanOrEqual(0);
        await mkdir(SCREENSHOT_DIR, { recursive: true });
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `layout-${name}-${viewport.width}.png`), fullPage: true, animations: 'disabled' });
      }
    }
    expect(consoleErrors, 'browser console errors and warnings').toEqual([]);
    await page.setViewportSize(PHONE);
  });

  it('when a page chunk fails to load during an outage, then Retry after the server is back shows the page', async () => {
    const fresh = await browser.context.newPage();
    fresh.setDefaultTimeout(20_000);
    let down = true;
    await fresh.route(/\/assets\/status-page-[^/]+\.js$/, (route) => (down ? route.abort('connectionrefused') : route.continue()));
    await fresh.goto(url('/'));
    await fresh.getByRole('heading', { level: 1, name: 'Markets' }).waitFor();
    await fresh.goto(url('/status'), { waitUntil: 'domcontentloaded' });
    await fresh.getByText('This section could not be shown.').waitFor();
    down = false;
    await fresh.getByRole('button', { name: 'Retry' }).click();
    await fresh.getByRole('heading', { level: 1, name: 'System status' }).waitFor();
    await fresh.close();
  });
});
