/**
 * Settings → API keys in Chromium against the real server at phone width (360 px): create an
 * HMAC key (its secret shown once, then gone), see it listed, revoke it; axe-clean and without
 * sideways scrolling in each state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ApiKeysResponse } from '@cryptosim/contracts';
import { startServerProcess, type ServerProcess } from '../../server/src/testing/server-process';
import { seriousViolations } from './support/axe';
import { chromiumAvailability, launchChromium, type Browser } from './support/browser';
import { horizontalOverflow, screenshot, VIEWPORTS } from './support/screenshots';
import { apiGet } from './support/trade-helpers';

const chromium = chromiumAvailability();

describe.skipIf(!chromium.ok)('API keys on the Settings page in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  const url = (path: string) => `${server.url}${path}`;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServerProcess({ MARKET_SOURCE: 'simulator' }), launchChromium()]);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.setDefaultTimeout(20_000);
    // The first load compiles and caches the bundle; on the shared 2-core machine it can pass 20 s.
    page.setDefaultNavigationTimeout(90_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const audit = async (state: string) => {
    expect(await seriousViolations(page), `axe: serious/critical violations (${state})`).toEqual([]);
    expect(await horizontalOverflow(page), `/settings scrolls sideways at 360 px (${state})`).toBeLessThanOrEqual(0);
    await screenshot(page, `settings-api-keys-${state}`, 'phone');
  };

  it('when a user creates, sees and revokes a key at 360 px, then the secret shows once and every state passes axe', { timeout: 240_000 }, async () => {
    const username = `e2e_keys_${Date.now().toString(36)}`;
    await page.setViewportSize(VIEWPORTS.phone);
    await page.goto(url('/register'));
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('E-mail').fill(`${username}@example.com`);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/register'));

    await page.goto(url('/settings'));
    await page.getByText('No API keys yet.').waitFor();
    await audit('empty');

    await page.getByRole('textbox', { name: /^Label/ }).fill('phone bot');
    await page.getByRole('checkbox', { name: /^Trade/ }).check();
    await page.getByRole('textbox', { name: /Allowed IP addresses/ }).fill('203.0.113.7');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText(/you will not see it again/).waitFor();
    const secret = (await page.getByTestId('api-key-new-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Za-z0-9]{64}$/);
    await audit('secret');

    const { apiKeys } = await apiGet<ApiKeysResponse>(page, '/api/auth/api-keys');
    expect(apiKeys.map((k) => [k.label, k.permissions.join('+'), k.ipAllowlist.join()])).toEqual([['phone bot', 'read+trade', '203.0.113.7']]);
    expect(JSON.stringify(apiKeys)).not.toContain(secret);

    await page.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByRole('button', { name: 'Create key' }).waitFor();
    expect(await page.content()).not.toContain(secret);
    await page.getByRole('list', { name: 'Your keys' }).getByText('phone bot').waitFor();
    await audit('listed');

    await page.getByRole('button', { name: 'Revoke phone bot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke "phone bot"?' });
    await dialog.waitFor();
    await audit('confirm');
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await page.getByText('The key "phone bot" was revoked.').waitFor();
    await page.getByText('No API keys yet.').waitFor();
    expect((await apiGet<ApiKeysResponse>(page, '/api/auth/api-keys')).apiKeys).toEqual([]);
  });
});
