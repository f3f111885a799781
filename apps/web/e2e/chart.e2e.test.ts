/**
 * The trade page's chart in Chromium against the real server (simulated market, fresh
 * database): the new timeframes with candles, indicator settings, the layout kept per user and
 * reproduced by the URL, and the user's orders on the chart (moved by dragging a line or by the
 * Edit price button), with a symbol switch while signed in raising no page error.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Route } from 'playwright-core';
import type { HistoryResponse, Order, PlaceOrderResponse, PricesResponse, SymbolsResponse } from '@cryptosim/contracts';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow } from './support/screenshots';
import { apiDelete, apiGet, apiPost, readToast, switchMarket } from './support/trade-helpers';

const chromium = chromiumAvailability();
const SYMBOL = 'BTCUSDT';
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 740 } } as const;

const intervalButton = (page: Page, name: string) => page.getByRole('group', { name: 'Interval' }).getByRole('button', { name, exact: true });
const indicatorChip = (page: Page, name: string | RegExp) => page.getByRole('group', { name: 'Indicators' }).getByRole('button', { name });

/** The chart's drawing surface: lightweight-charts renders into the labelled group. */
const chartSurface = (page: Page) => page.getByRole('group', { name: /candlestick chart/ });

/** Waits until the chart has candles for what is selected: no empty or loading note. */
async function candlesShown(page: Page): Promise<void> {
  await chartSurface(page).locator('canvas').first().waitFor();
  await expect.poll(() => page.getByText('Loading candles…').count()).toBe(0);
  expect(await page.getByText('No candles for this interval yet.').count()).toBe(0);
}

/**
 * The y (page px) of a movable order line: the chart shows a resize cursor when the pointer is
 * within grabbing distance of one, so walk down the surface until it does.
 */
async function findLineY(page: Page): Promise<{ x: number; y: number } | null> {
  const box = (await chartSurface(page).boundingBox())!;
  const x = box.x + box.width / 3;
  for (let y = box.y + 4; y < box.y + box.height - 4; y += 3) {
    await page.mouse.move(x, y);
    if ((await chartSurface(page).evaluate((el) => (el as HTMLElement).style.cursor)) === 'ns-resize') return { x, y };
  }
  return null;
}

describe.skipIf(!chromium.ok)('chart in Chromium against the real server', () => {
  const app = useE2eApp({ watchConsole: true });

  it('when a user picks 1W and 3m and sets an indicator period, then candles show, the layout survives a reload and a URL reproduces a view', async () => {
    await registerUser(app, 'chart');
    await app.page.setViewportSize(SIZES.desktop);
    await app.page.goto(app.url(`/trade/${SYMBOL}`));
    await candlesShown(app.page);

    // The first start's coarse history fills the weekly chart (it is written in the background).
    await expect
      .poll(async () => (await apiGet<HistoryResponse>(app.page, `/api/market/history?symbol=${SYMBOL}&interval=1w&limit=500`)).candles.length, { timeout: 90_000, interval: 1_000 })
      .toBeGreaterThanOrEqual(100);
    const weeks = (await apiGet<HistoryResponse>(app.page, `/api/market/history?symbol=${SYMBOL}&interval=1w&limit=500`)).candles;
    expect(weeks.every((c) => new Date(c.openTime).getUTCDay() === 1 && c.openTime % 86_400_000 === 0), 'weeks open Monday 00:00 UTC').toBe(true);
    const days = (await apiGet<HistoryResponse>(app.page, `/api/market/history?symbol=${SYMBOL}&interval=1d&limit=500`)).candles;
    expect(days.length, 'a full daily chart').toBe(500);

    await intervalButton(app.page, '1W').click();
    await expect.poll(() => intervalButton(app.page, '1W').getAttribute('aria-pressed')).toBe('true');
    await candlesShown(app.page);
    expect(new URL(app.page.url()).searchParams.get('tf')).toBe('1w');

    await intervalButton(app.page, '3m').click();
    await candlesShown(app.page);
    const threes = (await apiGet<HistoryResponse>(app.page, `/api/market/history?symbol=${SYMBOL}&interval=3m&limit=10`)).candles;
    expect(threes.length).toBe(10);
    expect(threes.every((c) => c.openTime % 180_000 === 0)).toBe(true);

    // Indicator settings: an out-of-range length is refused with its bounds, a valid one applies.
    await app.page.getByRole('button', { name: 'Indicator settings' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Indicator settings' });
    await dialog.getByLabel('SMA length').fill('1');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.locator('.Mui-error').getByText('A whole number from 2 to 200').waitFor();
    expect(await dialog.getByLabel('SMA length').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(app.page), 'axe with the settings dialog open').toEqual([]);
    await dialog.getByLabel('SMA length').fill('34');
    await dialog.getByLabel('Bollinger width (σ)').fill('2.5');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'detached' });
    await indicatorChip(app.page, 'SMA 34').waitFor();
    await indicatorChip(app.page, 'Bollinger 20, 2.5').click();
    await expect.poll(() => indicatorChip(app.page, 'Bollinger 20, 2.5').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(async () => apiGet<{ interval: string; indicators: string[]; periods: Record<string, number> }>(app.page, '/api/auth/chart-layout'))
      .toEqual({ interval: '3m', indicators: ['sma', 'bollinger'], periods: { sma: 34, ema: 50, bollinger: 20, bollingerWidth: 2.5, rsi: 14 } });

    // A reload without the query: the saved layout comes back from the server.
    await app.page.goto(app.url(`/trade/${SYMBOL}`));
    await expect.poll(() => intervalButton(app.page, '3m').getAttribute('aria-pressed')).toBe('true');
    expect(await indicatorChip(app.page, 'SMA 34').getAttribute('aria-pressed')).toBe('true');
    await candlesShown(app.page);

    // A link wins over the saved layout and is not saved by merely opening it.
    await app.page.goto(app.url(`/trade/${SYMBOL}?tf=1w&ind=ema&ema=21`));
    await expect.poll(() => intervalButton(app.page, '1W').getAttribute('aria-pressed')).toBe('true');
    expect(await indicatorChip(app.page, 'EMA 21').getAttribute('aria-pressed')).toBe('true');
    expect(await indicatorChip(app.page, 'SMA 34').getAttribute('aria-pressed')).toBe('false');
    await candlesShown(app.page);
    expect((await apiGet<{ interval: string }>(app.page, '/api/auth/chart-layout')).interval).toBe('3m');

    for (const [name, size] of Object.entries(SIZES)) {
      await app.page.setViewportSize(size);
      await candlesShown(app.page);
      expect(await seriousViolations(app.page), `axe on the chart at ${name}`).toEqual([]);
      if (name === 'phone') expect(await horizontalOverflow(app.page), 'the trade page scrolls sideways at 360 px').toBeLessThanOrEqual(0);
    }
  });

  it('when the user has an open limit order, then its line shows, a drag and Edit price move it, a failed move snaps back, and switching symbols raises no page error', async () => {
    const { page } = app;
    await page.setViewportSize(SIZES.desktop);
    const rules = (await apiGet<SymbolsResponse>(page, '/api/market/symbols')).symbols.find((s) => s.symbol === SYMBOL)!;
    const market = (await apiGet<PricesResponse>(page, '/api/market/prices')).prices.find((p) => p.symbol === SYMBOL)!;
    const tick = Number(rules.tickSize);
    const limit = (Math.round((Number(market.price) * 0.997) / tick) * tick).toFixed(rules.tickSize.split('.')[1]?.replace(/0+$/, '').length ?? 0);
    const placed = await apiPost<PlaceOrderResponse>(page, '/api/trading/buy', { symbol: SYMBOL, type: 'LIMIT', quantity: '0.01', price: limit });
    expect(placed.status, JSON.stringify(placed.body)).toBe(201);
    const bought = await apiPost<PlaceOrderResponse>(page, '/api/trading/buy', { symbol: SYMBOL, type: 'MARKET', quantity: '0.001' });
    expect(bought.status).toBe(201);

    const replaced: Array<{ id: number; price: string }> = [];
    page.on('request', (request) => {
      const match = /orders\/(\d+)\/replace/.exec(request.url());
      if (match && request.method() === 'POST') replaced.push({ id: Number(match[1]), price: (request.postDataJSON() as { price: string }).price });
    });

    await page.goto(app.url(`/trade/${SYMBOL}?tf=1h`));
    await candlesShown(page);
    const orders = page.getByRole('region', { name: 'Orders on the chart' });
    await orders.getByRole('button', { name: /^Edit price of Buy 0\.01/ }).waitFor();

    // Drag the line down by 30 px and drop it: the order is replaced at the price under the pointer.
    const at = await findLineY(page);
    expect(at, 'the order line is on the chart').not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await page.mouse.down();
    for (let dy = 5; dy <= 30; dy += 5) await page.mouse.move(at!.x, at!.y + dy);
    await page.mouse.up();
    expect(await readToast(page)).toMatch(/^Order moved to [\d,.]+\.$/);
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.id).toBe(placed.body.order.id);
    const dropped = Number(replaced[0]!.price);
    expect(dropped, 'a lower price, on the tick grid').toBeLessThan(Number(limit));
    expect(Math.abs(dropped / tick - Math.round(dropped / tick))).toBeLessThan(1e-6);
    const open = async () => (await apiGet<{ orders: Order[] }>(page, `/api/trading/orders?status=open&symbol=${SYMBOL}`)).orders;
    await expect.poll(async () => (await open()).map((o) => Number(o.price))).toEqual([dropped]);

    // A move that fails snaps the line back, with the reason: the next replace is sent for an
    // order already canceled, and the server's real 409 ORDER_NOT_OPEN comes back.
    const gone = await apiPost<PlaceOrderResponse>(page, '/api/trading/buy', { symbol: SYMBOL, type: 'LIMIT', quantity: '0.001', price: limit });
    expect(gone.status, JSON.stringify(gone.body)).toBe(201);
    expect((await apiDelete(page, `/api/trading/orders/${gone.body.order.id}`)).status).toBe(200);
    await page.route('**/api/trading/orders/*/replace', (route: Route) => route.continue({ url: route.request().url().replace(/orders\/\d+\/replace/, `orders/${gone.body.order.id}/replace`) }), { times: 1 });
    const before = await findLineY(page);
    await page.mouse.move(before!.x, before!.y);
    await page.mouse.down();
    for (let dy = 5; dy <= 30; dy += 5) await page.mouse.move(before!.x, before!.y + dy);
    await page.mouse.up();
    expect(await readToast(page)).toBe('Could not move the order: the order is no longer open.');
    const after = await findLineY(page);
    expect(Math.abs(after!.y - before!.y), 'the line is back where it was').toBeLessThanOrEqual(6);
    expect((await open()).map((o) => Number(o.price)), 'the order itself did not move').toEqual([dropped]);

    // Keyboard: Edit price opens a field; the order moves to the typed price.
    const edit = orders.getByRole('button', { name: /^Edit price of Buy 0\.01/ });
    await edit.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Edit limit price' });
    const typed = (Math.round((dropped * 0.999) / tick) * tick).toFixed(rules.tickSize.split('.')[1]?.replace(/0+$/, '').length ?? 0);
    await dialog.getByLabel('New price').fill(typed);
    await page.keyboard.press('Enter');
    expect(await readToast(page)).toMatch(/^Order moved to /);
    await expect.poll(async () => (await open()).map((o) => Number(o.price))).toEqual([Number(typed)]);

    // Switching symbols while the overlays are drawn: the old chart goes without a page error.
    await switchMarket(page, 'ETHUSDT');
    await candlesShown(page);
    await switchMarket(page, SYMBOL);
    await orders.getByRole('button', { name: /^Edit price of Buy 0\.01/ }).waitFor();
    await switchMarket(page, 'ETHUSDT');
    await candlesShown(page);
    expect(app.consoleErrors.filter((e) => e.startsWith('pageerror') || /disposed/i.test(e))).toEqual([]);
  });
});
