/**
 * Price alerts in Chromium against the real server (simulated market): on the Trade page a
 * user sets two alerts a hair either side of the live price, sees the toast and the bell's
 * count when one fires, opens the alert centre and marks all read; axe-clean and without
 * sideways scrolling at 1280 and 360 px (axe at 1440 px too).
 */
import { describe, expect, it } from 'vitest';
import type { AlertsResponse } from '@cryptosim/contracts';
import { seriousViolations } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { registerUser, useE2eApp } from './support/e2e-app';
import { horizontalOverflow, screenshot, VIEWPORTS, type ViewportName } from './support/screenshots';
import { apiGet, chooseOption, lastPriceText } from './support/trade-helpers';

const chromium = chromiumAvailability();

describe.skipIf(!chromium.ok)('price alerts on the Trade page in Chromium', () => {
  const app = useE2eApp({ viewport: VIEWPORTS.desktop });

  const audit = async (state: string, viewport: ViewportName) => {
    const { page } = app;
    expect(await seriousViolations(page), `axe: serious/critical violations (${state}, ${viewport})`).toEqual([]);
    expect(await horizontalOverflow(page), `/trade scrolls sideways (${state}, ${viewport})`).toBeLessThanOrEqual(0);
    await screenshot(page, `alerts-${state}`, viewport);
  };

  /** Fills the panel's form and waits for its own result toast (success or a refusal). */
  const createAlert = async (condition: string, price: string): Promise<string> => {
    const { page } = app;
    const panel = page.getByRole('region', { name: 'Price alerts' });
    await chooseOption(page, 'Condition', condition);
    await panel.getByRole('textbox', { name: 'Price (USDT)' }).fill(price);
    await panel.getByRole('button', { name: 'Create alert' }).click();
    const toast = page.locator('.MuiSnackbar-root .MuiAlert-message').filter({ hasText: /^(Alert created|The price is already)/ });
    await toast.first().waitFor({ timeout: 15_000 });
    const text = await toast.first().innerText();
    await page.locator('.MuiSnackbar-root').filter({ hasText: text }).getByRole('button', { name: 'Close' }).click({ timeout: 2_000 }).catch(() => undefined);
    return text;
  };

  it('when an alert near the live price fires, then a toast and the bell say so, and Mark all read clears the count', { timeout: 300_000 }, async () => {
    const { page } = app;
    page.setDefaultNavigationTimeout(90_000);
    await registerUser(app, 'e2e_alerts');
    await page.goto(app.url('/trade/BTCUSDT'));
    await page.getByRole('region', { name: 'Price alerts' }).waitFor();
    await page.getByText('No alerts yet.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await audit('empty', 'desktop');

    // ±0.03 %: a few sigma of one second's move, a few seconds' wait for one side to be crossed.
    for (const [condition, factor] of [['Price rises to', 1.0003], ['Price falls to', 0.9997]] as const) {
      for (let attempt = 0; ; attempt++) {
        const live = Number((await lastPriceText(page)).replace(/,/g, ''));
        const text = await createAlert(condition, (live * factor).toFixed(2));
        if (text.startsWith('Alert created')) break;
        // The price moved past the level while the form was filled: choose again from the new price.
        expect(attempt, text).toBeLessThan(3);
      }
    }
    const { alerts } = await apiGet<AlertsResponse>(page, '/api/alerts');
    expect(alerts.map((a) => a.condition).sort()).toEqual(['PRICE_ABOVE', 'PRICE_BELOW']);
    await audit('created', 'desktop');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(await seriousViolations(page), 'axe: serious/critical violations (created, 1440 px)').toEqual([]);
    await page.setViewportSize(VIEWPORTS.desktop);

    const fired = page.getByRole('status').filter({ hasText: /^Alert: BTCUSDT at or (above|below)/ });
    await fired.first().waitFor({ timeout: 120_000 });
    const bell = page.getByRole('button', { name: /^Notifications, [12] unread$/ });
    await bell.waitFor();
    expect(await bell.locator('.MuiBadge-badge').getAttribute('aria-hidden')).toBe('true');
    await audit('fired', 'desktop');

    await bell.click();
    const centre = page.getByRole('dialog', { name: 'Alert centre' });
    await centre.waitFor();
    await centre.getByText(/BTCUSDT at or (above|below)/).first().waitFor();
    await audit('centre', 'desktop');
    // The phone layout is another app bar: the popover closes with the desktop one; open it there.
    await page.keyboard.press('Escape');
    await centre.waitFor({ state: 'detached' });
    await page.setViewportSize(VIEWPORTS.phone);
    await page.getByRole('button', { name: /^Notifications, [12] unread$/ }).click();
    await centre.getByText(/BTCUSDT at or (above|below)/).first().waitFor();
    await audit('centre', 'phone');
    await centre.getByRole('button', { name: 'Mark all read' }).click();
    await centre.getByText('Unread', { exact: true }).first().waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await centre.waitFor({ state: 'detached' });
    // Another alert may fire meanwhile; every one listed is read once the count is gone.
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor({ timeout: 30_000 }).catch(async () => {
      await page.getByRole('button', { name: /^Notifications, 1 unread$/ }).click();
      await centre.getByRole('button', { name: 'Mark all read' }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    });
    await page.getByRole('region', { name: 'Price alerts' }).getByText(/Triggered/).first().waitFor();
    await audit('read', 'phone');
  });
});
