/**
 * The markets list and the trade page's market switcher in Chromium against the real server:
 * search by Korean and English coin names, a star kept on the server through a reload, the
 * switcher by keyboard, and the pages axe-clean without sideways scrolling at 360 and 1280 px.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WatchlistResponse } from '@cryptosim/contracts';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow, screenshot, VIEWPORTS } from './support/screenshots';
import { apiGet, apiPost } from './support/trade-helpers';

const chromium = chromiumAvailability();

/** The symbols the markets list shows, in order (table rows on a desktop, cards on a phone). */
async function shownSymbols(page: Page, tradeLabel: (symbol: string) => string = (s) => `Trade ${s}`): Promise<string[]> {
  const links = page.locator('[data-symbol]').getByRole('link');
  await links.first().waitFor();
  const symbols = await page.locator('[data-symbol]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-symbol') ?? ''));
  // Each row's link is named for its symbol in the UI language.
  expect(await links.first().getAttribute('aria-label')).toBe(tradeLabel(symbols[0]!));
  return symbols;
}

async function audit(page: Page, where: string): Promise<void> {
  expect(await seriousViolations(page), `axe: serious/critical violations (${where})`).toEqual([]);
  expect(await horizontalOverflow(page), `${where} scrolls sideways`).toBeLessThanOrEqual(0);
}

describe.skipIf(!chromium.ok)('markets list and market switcher in Chromium', () => {
  const app = useE2eApp({ watchConsole: true, viewport: VIEWPORTS.desktop });

  it('when a user searches in Korean and English, stars a coin and switches markets, then each works and every page is axe-clean at 360 and 1280 px', { timeout: 300_000 }, async () => {
    const { page } = app;
    page.setDefaultNavigationTimeout(90_000);
    await registerUser(app, 'markets');
    await page.goto(app.url('/'));
    await page.getByRole('heading', { level: 1, name: 'Markets' }).waitFor();
    expect(await shownSymbols(page)).toHaveLength(10);

    // Korean UI: "비트" finds Bitcoin.
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
    await page.getByRole('heading', { level: 1, name: '마켓' }).waitFor();
    await page.getByRole('searchbox', { name: '코인 검색' }).fill('비트');
    await page.waitForFunction(() => document.querySelectorAll('[data-symbol]').length === 1);
    expect(await shownSymbols(page, (s) => `${s} 거래하기`)).toEqual(['BTCUSDT']);
    await page.getByRole('searchbox', { name: '코인 검색' }).fill('이더');
    await page.waitForFunction(() => document.querySelector('[data-symbol]')?.getAttribute('data-symbol') === 'ETHUSDT');
    expect(await shownSymbols(page, (s) => `${s} 거래하기`)).toEqual(['ETHUSDT']);
    await audit(page, '/ in Korean at 1280 px');

    // English UI: "bitcoin" finds it too.
    await page.getByRole('group', { name: '언어' }).getByRole('button', { name: 'English' }).click();
    const search = page.getByRole('searchbox', { name: 'Search coins' });
    await search.fill('bitcoin');
    await page.waitForFunction(() => document.querySelector('[data-symbol]')?.getAttribute('data-symbol') === 'BTCUSDT' && document.querySelectorAll('[data-symbol]').length === 1);
    expect(await shownSymbols(page)).toEqual(['BTCUSDT']);
    await search.fill('');

    // Sorting by a header sets aria-sort on it.
    const volumeHeader = page.getByRole('columnheader', { name: '24h volume' });
    await volumeHeader.getByRole('button').click();
    expect(await volumeHeader.getAttribute('aria-sort')).toBe('descending');

    // A star is kept on the server: after a reload the Watchlist tab shows it.
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/watchlist/SOLUSDT') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Add SOLUSDT to watchlist' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByRole('button', { name: 'Remove SOLUSDT from watchlist' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Remove SOLUSDT from watchlist' }).waitFor();
    await page.getByRole('tab', { name: 'Watchlist' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-symbol]').length === 1);
    expect(await shownSymbols(page)).toEqual(['SOLUSDT']);
    expect(await apiGet<WatchlistResponse>(page, '/api/watchlist')).toEqual({ symbols: ['SOLUSDT'] });
    await audit(page, '/ Watchlist tab at 1280 px');
    await screenshot(page, 'markets-watchlist', 'desktop');
    // The rest runs in the dark theme: the stars, tabs and cards pass axe in both.
    await page.getByRole('group', { name: 'Theme' }).getByRole('button', { name: 'Dark' }).click();
    await page.getByRole('tab', { name: 'All' }).click();
    await audit(page, '/ in the dark theme at 1280 px');

    // The switcher on the Trade page, by keyboard: open, search by name, arrow down, Enter.
    await page.goto(app.url('/trade/BTCUSDT'));
    await page.getByRole('heading', { level: 1, name: 'Trade BTCUSDT' }).waitFor();
    const opener = page.getByRole('button', { name: 'Switch market, now BTCUSDT' });
    await opener.focus();
    await page.keyboard.press('Enter');
    const switcher = page.getByRole('dialog', { name: 'Switch market' });
    await switcher.waitFor();
    const items = switcher.getByRole('menu', { name: 'Markets' }).getByRole('menuitem');
    expect(await items.first().innerText(), 'the starred coin comes first').toContain('SOLUSDT');
    await audit(page, '/trade with the switcher open at 1280 px');
    await page.keyboard.type('이더');
    await expect.poll(() => items.count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === '/trade/ETHUSDT');
    await page.getByRole('heading', { level: 1, name: 'Trade ETHUSDT' }).waitFor();
    // Enter in the search box takes the first match; Escape closes and gives focus back.
    await page.getByRole('button', { name: 'Switch market, now ETHUSDT' }).click();
    await switcher.waitFor();
    const searchBox = switcher.getByRole('searchbox', { name: 'Search coins' });
    await expect.poll(() => searchBox.evaluate((el) => el === document.activeElement), { message: 'the search box has focus when the switcher opens' }).toBe(true);
    await page.keyboard.type('doge');
    await expect.poll(() => items.count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Trade DOGEUSDT' }).waitFor();
    await page.getByRole('button', { name: 'Switch market, now DOGEUSDT' }).click();
    await switcher.waitFor();
    await page.keyboard.press('Escape');
    await switcher.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Switch market, now DOGEUSDT');

    // A phone: the markets list and the holdings are cards, nothing scrolls sideways.
    const bought = await apiPost(page, '/api/trading/buy', { symbol: 'BTCUSDT', type: 'MARKET', quoteAmount: '1000' });
    expect(bought.status).toBe(201);
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(app.url('/'));
    await page.getByRole('heading', { level: 1, name: 'Markets' }).waitFor();
    await page.getByRole('list', { name: 'Live prices of every listed symbol' }).waitFor();
    expect(await page.getByRole('table', { name: 'Live prices of every listed symbol' }).count(), 'cards, not a table, on a phone').toBe(0);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await audit(page, '/ at 360 px');
    await screenshot(page, 'markets', 'phone');
    await page.getByRole('tab', { name: 'Watchlist' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-symbol]').length === 1);
    await audit(page, '/ Watchlist tab at 360 px');

    await page.goto(app.url('/portfolio'));
    await page.getByRole('list', { name: 'Holdings' }).waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await audit(page, '/portfolio at 360 px');
    await screenshot(page, 'portfolio-holdings', 'phone');

    await page.goto(app.url('/trade/BTCUSDT'));
    await page.getByRole('button', { name: 'Switch market, now BTCUSDT' }).click();
    await page.getByRole('dialog', { name: 'Switch market' }).waitFor();
    await audit(page, '/trade with the switcher open at 360 px');
    expect(app.consoleErrors, 'browser console errors and warnings').toEqual([]);
  });
});
