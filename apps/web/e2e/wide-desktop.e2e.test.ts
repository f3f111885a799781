import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlaceOrderResponse, PricesResponse, SymbolsResponse } from '@cryptosim/contracts';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { apiGet, apiPost } from './support/trade-helpers';

const chromium = chromiumAvailability();
const SYMBOL = 'BTCUSDT';
const WIDE = { width: 1440, height: 900 };

interface TableFit {
  table: string;
  /** The scroll width of the table's box: the table and anything else inside it. */
  tableWidth: number;
  boxWidth: number;
  /** Text of the cells whose content is wider than the cell (clipped or ellipsed). */
  cut: string[];
}

/** Every visible table on the page: its width against the box it sits in, and its cut cells. */
function tableFits(page: Page): Promise<TableFit[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .filter((table) => table.getClientRects().length > 0)
      .map((table) => {
        const section = table.closest('section[aria-labelledby]');
        const title = section ? document.getElementById(section.getAttribute('aria-labelledby') ?? '')?.textContent : null;
        const name = table.getAttribute('aria-label') ?? table.closest('[role="region"][aria-label]')?.getAttribute('aria-label') ?? title ?? 'table';
        // The scroll box a table sits in (TableScroll), else its parent.
        const box = table.closest('[role="region"][tabindex]') ?? table.parentElement!;
        const cut = [...table.querySelectorAll<HTMLElement>('th, td')]
          .filter((cell) => cell.getClientRects().length > 0 && cell.scrollWidth > cell.clientWidth + 1)
          .map((cell) => cell.textContent ?? '');
        // What the box holds against what it shows: wider content means it scrolls, hiding columns.
        return { table: name, tableWidth: box.scrollWidth, boxWidth: box.clientWidth, cut };
      }),
  );
}

describe.skipIf(!chromium.ok)('at 1440 px in Chromium against the real server', () => {
  const app = useE2eApp({ watchConsole: true, viewport: WIDE });

  it('when a keyboard user starts at the top of the Trade page, then the amount field is at most 5 Tab presses away (through the skip link)', async () => {
    const { page } = app;
    await registerUser(app, 'kbd');
    await page.goto(app.url(`/trade/${SYMBOL}`));
    const amount = page.getByLabel('Amount (BTC)');
    await amount.waitFor();
    // From the top: focus starts on the document, as after a fresh load.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const visited: string[] = [];
    let presses = 0;
    while (presses < 40 && !(await amount.evaluate((input) => input === document.activeElement))) {
      await page.keyboard.press('Tab');
      presses += 1;
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? el.tagName).trim().slice(0, 40) : '';
      });
      visited.push(focused);
      // A skip link is followed with Enter, which is no Tab press.
      if (focused === 'Skip to order ticket') await page.keyboard.press('Enter');
    }
    expect(presses, `Tab presses to the amount field: ${visited.join(' → ')}`).toBeLessThanOrEqual(5);
  });

  it('when the user holds a position, has traded and has an open order, then no table on the markets, trade and portfolio pages cuts a column', async () => {
    const { page } = app;
    await page.goto(app.url('/'));
    // The tests also run one by one: sign up unless the first one did.
    if (!(await page.evaluate(() => (localStorage.getItem('cryptosim.session') ?? '').includes('accessToken')))) await registerUser(app, 'wide');
    const [{ symbols }, { prices }] = await Promise.all([
      apiGet<SymbolsResponse>(page, '/api/market/symbols'),
      apiGet<PricesResponse>(page, `/api/market/prices?symbols=${SYMBOL}`),
    ]);
    const tick = symbols.find((s) => s.symbol === SYMBOL)!.tickSize;
    const decimals = tick.includes('.') ? tick.split('.')[1]!.replace(/0+$/, '').length : 0;
    const limit = (Number(prices[0]!.price) * 0.9).toFixed(decimals);
    for (const [side, order] of [
      ['buy', { symbol: SYMBOL, quantity: '0.02' }],
      ['sell', { symbol: SYMBOL, quantity: '0.01' }],
      ['buy', { symbol: SYMBOL, type: 'LIMIT', quantity: '0.01', price: limit }],
    ] as const) {
      const placed = await apiPost<PlaceOrderResponse>(page, `/api/trading/${side}`, order);
      expect(placed.status, `${side} ${JSON.stringify(order)}: ${JSON.stringify(placed.body)}`).toBe(201);
    }

    const pages = [
      ['/', 'Markets', async () => page.getByRole('link', { name: `Trade ${SYMBOL}` }).first().waitFor()],
      [`/trade/${SYMBOL}`, `Trade ${SYMBOL}`, async () => {
        await page.getByRole('region', { name: 'Open orders' }).getByRole('button', { name: /^Cancel Buy Limit order/ }).waitFor();
        await page.getByRole('region', { name: `My ${SYMBOL} trades` }).getByRole('row').nth(2).waitFor();
      }],
      ['/portfolio', 'Portfolio', async () => {
        await page.getByRole('region', { name: 'Holdings' }).getByRole('row').nth(1).waitFor();
        await page.getByRole('region', { name: 'Trade history' }).getByRole('row').nth(2).waitFor();
      }],
    ] as const;
    for (const [path, heading, settled] of pages) {
      await page.goto(app.url(path));
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await settled();
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const fits = await tableFits(page);
      expect(fits.length, `tables on ${path}`).toBeGreaterThan(0);
      for (const fit of fits) {
        expect(fit.cut, `${path}, ${fit.table}: cut cells at 1440 px`).toEqual([]);
        expect(fit.tableWidth, `${path}, ${fit.table}: the table (${fit.tableWidth} px) fits its box (${fit.boxWidth} px) at 1440 px`).toBeLessThanOrEqual(fit.boxWidth);
      }
    }
    expect(app.consoleErrors, 'browser console errors and warnings').toEqual([]);
  });
});
